package io.rectification.reporting.people;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** People listed in the configuration ({@code notices.directory.people.<username>.email|roles|unit|name}). */
public class ConfiguredPeople implements People {

    private final List<Person> people;

    public ConfiguredPeople(DirectoryConfig config) {
        this.people = config.people().entrySet().stream()
                .map(e -> new Person(e.getKey(), e.getValue().email(), new LinkedHashSet<>(e.getValue().roles()),
                        e.getValue().unit().orElse(""), e.getValue().name().orElse("")))
                .sorted(Comparator.comparing(Person::username))
                .toList();
    }

    @Override
    public List<Person> everyone() {
        return people;
    }
}
