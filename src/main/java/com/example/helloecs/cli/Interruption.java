package com.example.helloecs.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM turned into a flag the running command checks, instead of the JVM's immediate
 * shutdown, so a command that started something (run-local's container) can stop it and exit with
 * {@code 128 + signal} (130 for Ctrl-C) and no false error. Why not a shutdown hook: on Ctrl-C the terminal
 * signals the whole process group, so a Docker CLI the command was just starting dies with it and the command's
 * own thread reports that as an error ("Cannot run program ... signal: 2") while the hook races it; with the flag,
 * the command knows the failure came from the interrupt. A second signal exits at once.
 *
 * <p>{@code sun.misc.Signal} is the JDK's supported way to handle a signal (module {@code jdk.unsupported}, kept
 * accessible by JEP 260, "Encapsulate Most Internal APIs", for exactly this use). The previous handlers are
 * restored on {@link #close()}, so tests can run a command in-process.
 */
public final class Interruption implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final Thread worker;
    private final AtomicInteger signal = new AtomicInteger();
    private final CountDownLatch received = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private Interruption(Thread worker) {
        this.worker = worker;
    }

    /** Handles SIGINT and SIGTERM until closed; a signal interrupts the calling thread. */
    public static Interruption install() {
        Interruption interruption = new Interruption(Thread.currentThread());
        for (String name : SIGNALS) {
            Signal s = new Signal(name);
            interruption.previous.put(s, Signal.handle(s, interruption::received));
        }
        return interruption;
    }

    private void received(Signal s) {
        if (!signal.compareAndSet(0, s.getNumber())) {
            Runtime.getRuntime().halt(128 + signal.get());
        }
        // Interrupt first: a worker that sees the latch open may clear its interrupt flag (stopAfter) and must not
        // be interrupted after that, in the middle of stopping the container.
        worker.interrupt();
        received.countDown();
    }

    /**
     * Whether a signal arrived, waiting up to {@code grace} for it: the terminal signals the Docker CLI at the same
     * moment as this process, and the command may see the CLI end (or fail to start) before the JVM has run the
     * handler. Used only where something just ended or failed.
     */
    public boolean requested(Duration grace) {
        try {
            return received.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return signal.get() != 0;
        }
    }

    /** The conventional exit code after the signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
    public int exitCode() {
        return 128 + signal.get();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        Thread.interrupted();
    }
}
