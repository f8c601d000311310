package io.rectification.feedback;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.concurrent.ThreadLocalRandom;

/** Simulated members of the public: each gets an address of its own (tests trust X-Forwarded-For). */
public final class Clients {

    private Clients() {
    }

    public static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /**
     * A request from a member of the public with an address of their own. Submissions and tracking
     * lookups are limited per client and period (feedback.public.rate-limit.*): sent from the test JVM's
     * one address, every test's requests within a minute counted together, and a quick run reached the
     * lookup limit (429) in whichever test came next.
     */
    public static RequestSpecification citizen() {
        return given().header("X-Forwarded-For", newAddress());
    }
}
