package dev.tcpshaker.test;

import java.io.File;
import java.util.function.IntSupplier;

/**
 * Counts this process's open file descriptors, from {@code /proc/self/fd}.
 */
public final class FileDescriptors {

	private FileDescriptors() {
	}

	public static int count() {
		String[] fds = new File("/proc/self/fd").list();
		if (fds == null) {
			throw new IllegalStateException("/proc/self/fd is not readable: fd counts need Linux");
		}
		return fds.length;
	}

	/**
	 * Waits, boundedly, for the fd count to fall back to {@code baseline} (other
	 * threads, such as the JIT or GC, may briefly hold one or two).
	 * @return the last count seen
	 */
	public static int awaitAtMost(int baseline, long timeoutMillis) {
		return await(() -> count(), baseline, timeoutMillis);
	}

	private static int await(IntSupplier counter, int baseline, long timeoutMillis) {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		int count = counter.getAsInt();
		while (count > baseline && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			count = counter.getAsInt();
		}
		return count;
	}

}
