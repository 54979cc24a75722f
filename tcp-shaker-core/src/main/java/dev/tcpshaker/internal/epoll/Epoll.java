package dev.tcpshaker.internal.epoll;

import dev.tcpshaker.internal.NativeAccess;
import dev.tcpshaker.internal.Platform;
import jnr.ffi.LibraryLoader;

/**
 * Whether the epoll engine can run here. Availability is a value: loading libc through
 * jnr-ffi happens once, on first use, and a failure is kept as the cause rather than
 * thrown at every caller.
 */
public final class Epoll {

	private Epoll() {
	}

	/**
	 * Loads libc if it is not loaded yet (0.3 to 0.7 s of class generation, once).
	 * @return whether the epoll engine can run
	 */
	public static boolean isAvailable() {
		return Holder.CAUSE == null;
	}

	/**
	 * Why the epoll engine cannot run.
	 * @return the cause, or {@code null} when it can
	 */
	public static Throwable unavailabilityCause() {
		return Holder.CAUSE;
	}

	static LibC libc() {
		if (Holder.CAUSE != null) {
			throw new IllegalStateException("The epoll engine is unavailable", Holder.CAUSE);
		}
		return Holder.LIBC;
	}

	private static final class Holder {

		static final LibC LIBC;

		static final Throwable CAUSE;

		static {
			LibC libc = null;
			Throwable cause = null;
			try {
				if (!Platform.isLinux()) {
					throw new UnsupportedOperationException("epoll needs Linux, this is " + Platform.osName());
				}
				EpollEventArray.requireKnownLayout();
				NativeAccess.recordBeforeLoad();
				libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
				// Prove the calls link: open and close an epoll instance.
				int epfd = libc.epoll_create1(LinuxConstants.EPOLL_CLOEXEC);
				if (epfd < 0) {
					throw new IllegalStateException("epoll_create1 failed");
				}
				libc.close(epfd);
			}
			catch (Throwable ex) {
				cause = ex;
				libc = null;
			}
			LIBC = libc;
			CAUSE = cause;
		}

	}

}
