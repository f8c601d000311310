package io.rectification.reporting.notice;

/**
 * Whether the read models have applied everything the topics hold now: every live consumer's lag is 0
 * (the broker's end offsets against the groups' committed ones, so every instance's work counts). The
 * daily digest waits for it ({@link DailyDigest}): a digest written from read models still catching up
 * (a restart after 08:30 with events produced meanwhile) would miss to-dos that exist. Implemented where
 * the lag is measured ({@code consumption}); an interface here so notices do not depend on that package.
 */
public interface ReadModelsCaughtUp {

    /** @throws RuntimeException when the broker does not answer (the digest then waits for the next tick) */
    boolean caughtUp();
}
