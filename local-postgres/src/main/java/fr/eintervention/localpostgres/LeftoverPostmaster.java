package fr.eintervention.localpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server a crashed service left running on its data directory. A {@code kill -9}
 * of a service kills its JVM but not the postmaster it had started (a process of its own): the
 * next start found the data directory taken and failed. Before a start, such a leftover server
 * is stopped (fast shutdown: its sessions, those of the dead service, are ended; everything
 * committed is kept), unless a living process still holds the data directory.
 */
final class LeftoverPostmaster {

    /** The lock file zonky's EmbeddedPostgres holds while it owns a data directory. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final long WAIT_SECONDS = 60;

    private LeftoverPostmaster() {
    }

    /**
     * Stops the postmaster recorded in the data directory's {@code postmaster.pid}, if it still
     * runs and no living process owns the directory.
     *
     * @throws IllegalStateException if the directory is in use by a running service, or the
     *                               leftover server does not stop
     */
    static void stopIfAny(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = running(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock owner = tryLock(channel, dataDirectory)) {
            long pid = postmaster.get().pid();
            System.out.println("Stopping the PostgreSQL server (pid " + pid + ") a previous run left on "
                    + dataDirectory.toAbsolutePath());
            // SIGINT: fast shutdown (ends the dead service's sessions, checkpoints); SIGQUIT if it hangs
            if (!signalled(postmaster.get(), "INT") || !exited(postmaster.get(), dataDirectory)) {
                if (!signalled(postmaster.get(), "QUIT") || !exited(postmaster.get(), dataDirectory)) {
                    throw new IllegalStateException("the PostgreSQL server (pid " + pid + ") left running on "
                            + dataDirectory.toAbsolutePath() + " does not stop: stop it, then start again");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the data directory " + dataDirectory, e);
        }
    }

    /** The postmaster of {@code postmaster.pid}, if it is alive and is a PostgreSQL server. */
    static Optional<ProcessHandle> running(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // a stale file whose pid now belongs to another program (after a reboot) is left to PostgreSQL
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(true))
                .filter(process -> servesDirectory(process, dataDirectory));
    }

    /**
     * A postmaster works in its data directory: on Linux, its {@code /proc/<pid>/cwd} is that
     * directory, which tells it from another PostgreSQL server that got the same pid.
     */
    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Files.isSameFile(cwd, dataDirectory);
        } catch (IOException e) {
            // no /proc (not Linux): the pid file and the command are all there is to go by
            return !Files.exists(Path.of("/proc/self"));
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dataDirectory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the data directory " + dataDirectory.toAbsolutePath()
                    + " is in use by a running service (its PostgreSQL server runs): stop that one first");
        }
        return lock;
    }

    private static boolean signalled(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return true;
            }
        } catch (IOException e) {
            // no kill command: below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        // SIGTERM: a smart shutdown, which waits for the sessions to end (the dead service's have)
        return process.destroy();
    }

    /** Gone, or at least its shutdown finished (PostgreSQL removes postmaster.pid last; a zombie may linger). */
    private static boolean exited(ProcessHandle process, Path dataDirectory) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                return true;
            }
            try {
                process.onExit().get(200, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // still running: check again
            } catch (ExecutionException e) {
                return !process.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
