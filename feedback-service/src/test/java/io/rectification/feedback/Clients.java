package io.rectification.feedback;

import java.util.concurrent.ThreadLocalRandom;

/** Simulated members of the public: each gets an address of its own (tests trust X-Forwarded-For). */
public final class Clients {

    private Clients() {
    }

    public static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
