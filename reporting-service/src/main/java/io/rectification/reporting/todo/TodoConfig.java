package io.rectification.reporting.todo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code notices.todos.*} */
@ConfigMapping(prefix = "notices.todos")
public interface TodoConfig {

    /** A task or feedback reply due within this many days (from today) is a to-do. */
    @WithDefault("7")
    int dueSoonDays();

    /** The console's base path for links (the gateway serves it at /console). */
    @WithDefault("/console")
    String consolePath();
}
