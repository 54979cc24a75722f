package dev.tcpshaker.internal.nio;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.internal.Check;
import dev.tcpshaker.internal.EventLoopEngine;
import dev.tcpshaker.internal.Platform;
import jdk.net.ExtendedSocketOptions;

/**
 * Checks with a non-blocking {@link SocketChannel} and a {@link Selector}, in pure JDK.
 * <p>
 * With {@link Mode#HALF_OPEN}, {@code TCP_QUICKACK=false} and {@code SO_LINGER=0} are
 * set before {@code connect()} and the channel is closed right after
 * {@code finishConnect()}: on Linux the wire shows SYN, SYN-ACK, RST, as with epoll.
 * Pitfall: the JDK closes a registered channel's socket only when the selector next
 * deregisters it, so the loop polls again (without waiting) after each batch of closes,
 * and the RST leaves before any new connect starts.
 */
public final class NioEngine extends EventLoopEngine<NioEngine.NioCheck> {

	/** What the engine's sockets do on the wire. */
	public enum Mode {

		/** SYN, SYN-ACK, RST: needs {@code TCP_QUICKACK}, that is Linux. */
		HALF_OPEN,

		/** A full connect closed with a RST, where {@code TCP_QUICKACK} is missing. */
		CONNECT_RESET,

		/** A plain full connect closed with a FIN. */
		CONNECT

	}

	private final Mode mode;

	private final Consumer<SelectionKey> onReady = this::onReady;

	private Selector selector;

	private long lastCompletePollNanos;

	private long readySince;

	public NioEngine(ThreadFactory threadFactory, Mode mode) {
		super("nio", (mode == Mode.HALF_OPEN) ? CheckMethod.HALF_OPEN : CheckMethod.CONNECT, threadFactory,
				NioCheck::new);
		if (mode == Mode.HALF_OPEN && !isHalfOpenSupported()) {
			throw new IllegalStateException(
					"Half-open checks need TCP_QUICKACK, which this platform's JDK does not support");
		}
		this.mode = mode;
	}

	/**
	 * Whether this JDK can hold back the handshake's final ACK: {@code TCP_QUICKACK}
	 * exists on Linux only.
	 * @return whether {@link Mode#HALF_OPEN} works here
	 */
	public static boolean isHalfOpenSupported() {
		return Platform.isLinux() && quickAckOption() != null;
	}

	private static SocketOption<Boolean> quickAckOption() {
		try {
			return ExtendedSocketOptions.TCP_QUICKACK;
		}
		catch (NoSuchFieldError | NoClassDefFoundError ex) {
			return null;
		}
	}

	@Override
	protected void openPoller() throws IOException {
		this.selector = Selector.open();
		this.lastCompletePollNanos = System.nanoTime();
	}

	@Override
	protected void closePoller() throws IOException {
		if (this.selector != null) {
			this.selector.close();
			this.selector = null;
		}
	}

	@Override
	protected void wakeup() {
		Selector selector = this.selector;
		if (selector != null) {
			selector.wakeup();
		}
	}

	@Override
	protected boolean connect(NioCheck check) {
		assert ownsSockets();
		InetSocketAddress address = check.address();
		SocketChannel channel;
		try {
			channel = SocketChannel.open((address.getAddress() instanceof Inet6Address) ? StandardProtocolFamily.INET6
					: StandardProtocolFamily.INET);
		}
		catch (IOException | RuntimeException ex) {
			// EMFILE or ENFILE fail this check only, worded as epoll words them.
			finishUnregistered(check, CheckOutcome.ERROR, NioErrors.describe("socket", ex));
			return false;
		}
		try {
			channel.configureBlocking(false);
			if (this.mode == Mode.HALF_OPEN) {
				// Hold back the handshake's final ACK so our RST goes out first.
				channel.setOption(ExtendedSocketOptions.TCP_QUICKACK, false);
			}
			if (this.mode != Mode.CONNECT) {
				// close() aborts with a RST.
				channel.setOption(StandardSocketOptions.SO_LINGER, 0);
			}
			if (channel.connect(address)) {
				channel.close();
				finishUnregistered(check, CheckOutcome.UP, "connected at once");
				return false;
			}
			check.channel = channel;
			channel.register(this.selector, SelectionKey.OP_CONNECT, check);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			check.channel = null;
			closeQuietly(channel);
			finishUnregistered(check, NioErrors.outcomeOf(ex), NioErrors.describe(ex));
			return false;
		}
	}

	@Override
	protected void drainReady(long timeoutMillis) throws IOException {
		assert ownsSockets();
		this.readySince = this.lastCompletePollNanos;
		long pollNanos = System.nanoTime();
		int count = (timeoutMillis < 0) ? this.selector.select(this.onReady)
				: (timeoutMillis == 0) ? this.selector.selectNow(this.onReady)
						: this.selector.select(this.onReady, timeoutMillis);
		this.lastCompletePollNanos = pollNanos;
		// Poll again until nothing is ready: each poll also flushes the closes of the
		// batch before it, which is when the JDK really closes the socket.
		while (count > 0) {
			this.readySince = this.lastCompletePollNanos;
			pollNanos = System.nanoTime();
			count = this.selector.selectNow(this.onReady);
			this.lastCompletePollNanos = pollNanos;
		}
	}

	private void onReady(SelectionKey key) {
		NioCheck check = (NioCheck) key.attachment();
		if (check.channel == null) {
			return;
		}
		if (check.hasVerdict()) {
			// Timed out, its channel closes soon. The selector is level-triggered: unless
			// the key goes, it is selected again at once and drainReady() never ends.
			key.cancel();
			return;
		}
		try {
			if (!check.channel.finishConnect()) {
				return;
			}
			finishReady(check, CheckOutcome.UP, "SYN-ACK received", this.readySince);
		}
		catch (IOException | RuntimeException ex) {
			finishReady(check, NioErrors.outcomeOf(ex), NioErrors.describe(ex), this.readySince);
		}
	}

	@Override
	protected void close(NioCheck check) {
		assert ownsSockets();
		closeQuietly(check.channel);
		check.channel = null;
	}

	private static void closeQuietly(SocketChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Nothing to recover: the channel is gone either way.
			}
		}
	}

	/**
	 * A check with its channel.
	 */
	static final class NioCheck extends Check {

		SocketChannel channel;

		NioCheck(InetSocketAddress address, long deadlineNanos, Check.Completion completion) {
			super(address, deadlineNanos, completion);
		}

	}

}
