package io.rectification.reporting.people;

import java.util.function.Function;

/**
 * Names a member of staff whom an event knows only by username (who claimed a close-out, who
 * rejected it) the way the directory does ({@link Person#displayName()}), so a notice says
 * 李科长（党政办公室） where the event says dzb. Someone the directory does not list (left, or not
 * of a notice role) keeps the username the event gave: a name is never invented.
 */
public class PersonNames {

    private final Function<String, String> directory;

    /** @param directory a username's display name, or null when the directory does not list them */
    public PersonNames(Function<String, String> directory) {
        this.directory = directory;
    }

    /** From the people the directory lists now (read when a notice is written, as its recipients are). */
    public static PersonNames of(People people) {
        return new PersonNames(username -> people.everyone().stream().filter(p -> p.username().equals(username))
                .findFirst().map(Person::displayName).orElse(null));
    }

    /** @return null for no one (an event without the member) */
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String name = directory.apply(username);
        return name == null || name.isBlank() ? username : name;
    }
}
