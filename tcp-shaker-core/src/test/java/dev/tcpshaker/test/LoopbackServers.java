package dev.tcpshaker.test;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test targets on loopback, and nowhere else: a listener that counts the connections
 * it accepts, a closed port, and a blackhole whose SYNs go unanswered.
 */
public final class LoopbackServers {

	private LoopbackServers() {
	}

	public static InetAddress ipv4() {
		return InetAddress.getLoopbackAddress();
	}

	public static InetAddress ipv6() {
		try {
			return InetAddress.getByName("::1");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A loopback port that is free now and below Linux's ephemeral range (32768 and up),
	 * so no outgoing connection takes it before the caller binds it: for servers that
	 * must be told their port up front.
	 */
	public static int freePortBelowEphemeralRange() {
		java.util.Random random = new java.util.Random();
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = 20_000 + random.nextInt(12_000);
			try (ServerSocket probe = new ServerSocket(port, 1, ipv4())) {
				return port;
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IllegalStateException("no free loopback port in 20000..31999 after 100 tries");
	}

	/** A listener on 127.0.0.1 that accepts, counts and closes every connection. */
	public static CountingListener listener() {
		return listener(ipv4());
	}

	public static CountingListener listener(InetAddress address) {
		return new CountingListener(address);
	}

	/** A port on 127.0.0.1 that is bound but not listening: a SYN gets a RST. */
	public static ClosedPort closedPort() {
		return closedPort(ipv4());
	}

	public static ClosedPort closedPort(InetAddress address) {
		return new ClosedPort(address);
	}

	/** A listener on 127.0.0.1 whose accept queue is full, so Linux drops every further SYN. */
	public static Blackhole blackhole() {
		return new Blackhole(ipv4());
	}

	/**
	 * Accepts connections on its own thread and counts them: a half-open check must
	 * leave the count at 0.
	 */
	public static final class CountingListener implements AutoCloseable {

		private final ServerSocket server;

		private final AtomicInteger accepted = new AtomicInteger();

		private final Set<Integer> remotePorts = ConcurrentHashMap.newKeySet();

		private final Thread acceptor;

		CountingListener(InetAddress address) {
			try {
				// A deep backlog: every in-flight half-open check holds a SYN queue entry.
				this.server = new ServerSocket(0, 4096, address);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.acceptor = new Thread(this::acceptLoop, "loopback-listener-" + port());
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		private void acceptLoop() {
			while (!this.server.isClosed()) {
				try (Socket socket = this.server.accept()) {
					this.remotePorts.add(socket.getPort());
					this.accepted.incrementAndGet();
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		public int port() {
			return this.server.getLocalPort();
		}

		public InetAddress address() {
			return this.server.getInetAddress();
		}

		public InetSocketAddress socketAddress() {
			return new InetSocketAddress(address(), port());
		}

		/** Connections the listener's application accepted. */
		public int acceptCount() {
			return this.accepted.get();
		}

		/** Whether the listener accepted a connection from this client port. */
		public boolean acceptedFrom(int clientPort) {
			return this.remotePorts.contains(clientPort);
		}

		/**
		 * Counts the connections accepted before a marker connection made now. It first
		 * waits past the kernel's 200 ms delayed-ACK limit, so a check that leaked has
		 * completed its handshake, then connects the marker and waits (at most 10 s)
		 * until it is accepted: the accept queue is FIFO and one thread accepts, so every
		 * leaked connection was counted before the marker.
		 * @return the connections accepted, without the marker
		 */
		public int acceptCountBeforeMarker() {
			try {
				// Waits for an ACK that must not come: no condition to poll for.
				Thread.sleep(300);
				try (Socket marker = new Socket(address(), port())) {
					int markerPort = marker.getLocalPort();
					await("the marker connection from port " + markerPort + " accepted").atMost(Duration.ofSeconds(10))
						.pollInterval(Duration.ofMillis(10))
						.until(() -> acceptedFrom(markerPort));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return acceptCount() - 1;
		}

		@Override
		public void close() {
			try {
				this.server.close();
				this.acceptor.join(5_000);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/**
	 * A bound socket that never listens, holding its port so nothing else takes it.
	 */
	public static final class ClosedPort implements AutoCloseable {

		private final SocketChannel channel;

		ClosedPort(InetAddress address) {
			try {
				this.channel = SocketChannel.open();
				this.channel.bind(new InetSocketAddress(address, 0));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public int port() {
			try {
				return ((InetSocketAddress) this.channel.getLocalAddress()).getPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * A listener with backlog 1 whose queue three clients already fill (Linux queues
	 * backlog + 1): further SYNs are dropped, so checks time out. No firewall rule, no
	 * address off the machine.
	 */
	public static final class Blackhole implements AutoCloseable {

		private final ServerSocket server;

		private final List<SocketChannel> fillers = new ArrayList<>();

		Blackhole(InetAddress address) {
			try {
				this.server = new ServerSocket(0, 1, address);
				for (int i = 0; i < 3; i++) {
					SocketChannel filler = SocketChannel.open();
					filler.configureBlocking(false);
					filler.connect(new InetSocketAddress(address, this.server.getLocalPort()));
					this.fillers.add(filler);
				}
				// Let the handshakes of the first two complete before any check starts.
				Thread.sleep(50);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		public int port() {
			return this.server.getLocalPort();
		}

		@Override
		public void close() {
			try {
				for (SocketChannel filler : this.fillers) {
					filler.close();
				}
				this.server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
