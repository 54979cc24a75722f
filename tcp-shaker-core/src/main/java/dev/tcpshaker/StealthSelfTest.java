package dev.tcpshaker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * Proves, here and now, that a shaker's checks stay half-open: it checks a loopback
 * listener of its own, then confirms that the check saw the SYN-ACK and that nothing
 * reached the listener's accept queue once the kernel's delayed ACK (at most 200 ms)
 * would have completed the handshake.
 * <p>
 * Pitfall: a half-open method is a request, not a guarantee. A kernel that ignores
 * {@code TCP_QUICKACK}, a sandbox (gVisor, some container runtimes) or a user-space TCP
 * stack can complete the handshake anyway, and then every target accepts a connection
 * per check. Only a test like this one notices. It takes about 300 ms and one check;
 * run it off the critical path.
 */
public final class StealthSelfTest {

	/** Past the kernel's 200 ms limit on a delayed ACK: a completed handshake is queued by then. */
	private static final Duration SETTLE = Duration.ofMillis(300);

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

	/** Small: the listener only ever sees the one check. */
	private static final int BACKLOG = 4;

	private StealthSelfTest() {
	}

	/**
	 * Checks a listener of its own on 127.0.0.1 with {@code shaker}, blocking for about
	 * 300 ms past the check's verdict.
	 * @param shaker the shaker to test
	 * @return the result, never {@code null}
	 */
	public static Result run(TcpShaker shaker) {
		if (shaker == null) {
			throw new IllegalArgumentException("shaker must not be null");
		}
		try (ServerSocketChannel listener = ServerSocketChannel.open()) {
			listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), 0), BACKLOG);
			listener.configureBlocking(false);
			CheckResult check = shaker.check((InetSocketAddress) listener.getLocalAddress(), CHECK_TIMEOUT);
			if (!check.isUp()) {
				return new Result(Verdict.UNKNOWN, "the check of a loopback listener was " + check.outcome() + " ("
						+ check.detail() + "), so it proves nothing");
			}
			Thread.sleep(SETTLE.toMillis());
			try (SocketChannel accepted = listener.accept()) {
				if (accepted != null) {
					return new Result(Verdict.NOT_VERIFIED, "a loopback listener accepted the connection of a "
							+ shaker.method() + " check: the handshake completed (with CONNECT by design; otherwise"
							+ " the kernel, a sandbox or a user-space TCP stack completed it), so every target"
							+ " sees a connection per check");
				}
			}
			return new Result(Verdict.VERIFIED, "a " + shaker.method() + " check of a loopback listener saw the SYN-ACK"
					+ " and the listener accepted nothing " + SETTLE.toMillis() + " ms later");
		}
		catch (IOException ex) {
			return new Result(Verdict.UNKNOWN, "the self-test could not use a loopback listener: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(Verdict.UNKNOWN, "the self-test was interrupted");
		}
	}

	/**
	 * Whether the checks are known to stay half-open.
	 */
	public enum Verdict {

		/** A check saw the SYN-ACK and the listener's accept queue stayed empty. */
		VERIFIED,

		/** The listener accepted a connection: the handshake completed. */
		NOT_VERIFIED,

		/** Nothing proven either way: the test has not run, or its check failed. */
		UNKNOWN

	}

	/**
	 * What the self-test found.
	 *
	 * @param verdict the verdict
	 * @param detail why, in words
	 */
	public record Result(Verdict verdict, String detail) {

		public Result {
			Objects.requireNonNull(verdict, "verdict");
			Objects.requireNonNull(detail, "detail");
		}

		/**
		 * The result before the self-test has run.
		 * @return an {@link Verdict#UNKNOWN} result that says so
		 */
		public static Result notRunYet() {
			return new Result(Verdict.UNKNOWN, "the self-test has not finished yet");
		}

	}

}
