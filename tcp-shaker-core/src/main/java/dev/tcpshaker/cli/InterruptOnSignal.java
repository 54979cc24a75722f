package dev.tcpshaker.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into an interrupt of the main thread, so that the tool ends
 * as it ends any other way: the monitor and the shaker closed by the code that owns them,
 * and the tool's own exit code (0 for a stopped monitor) rather than the JVM's 128 plus
 * the signal.
 * <p>
 * Pitfall: a shutdown hook runs once the JVM has decided to exit, and a
 * {@code System.exit} called meanwhile blocks for good. So the hook waits for the main
 * thread to finish, then ends the JVM itself with {@code Runtime.halt} and the main
 * thread's exit code.
 */
final class InterruptOnSignal {

	/** How long a signal waits for the main thread before the JVM exits without it. */
	private static final long GRACE_SECONDS = 10;

	private final Thread main;

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile int exitCode;

	private InterruptOnSignal(Thread main) {
		this.main = main;
	}

	/**
	 * Installs the shutdown hook.
	 * @param main the thread to interrupt on a signal
	 * @return the handle to report the main thread's end to
	 */
	static InterruptOnSignal install(Thread main) {
		InterruptOnSignal handler = new InterruptOnSignal(main);
		Runtime.getRuntime().addShutdownHook(new Thread(handler::onShutdown, "tcp-checker-shutdown"));
		return handler;
	}

	/**
	 * Reports that the main thread is done, before it calls {@code System.exit}.
	 * @param exitCode the exit code it chose
	 */
	void finished(int exitCode) {
		this.exitCode = exitCode;
		this.finished.countDown();
	}

	private void onShutdown() {
		if (this.finished.getCount() == 0) {
			return; // the main thread's own System.exit: nothing to stop
		}
		this.main.interrupt();
		try {
			if (this.finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
				System.out.flush();
				System.err.flush();
				Runtime.getRuntime().halt(this.exitCode);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
