import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.Engine;
import dev.tcpshaker.TcpShaker;

/**
 * A bounded soak of the engine through its public API: CHECKS checks (default 1 000 000)
 * with about IN_FLIGHT (default 1 000) in flight, cycling over four loopback targets (a
 * listener, a closed port, a full-backlog blackhole, a name the hosts file does not
 * know), sampling open fds, heap after GC and live threads every 10 s, and reporting
 * the largest verdict overshoot past a check's timeout. Loopback only; run it through
 * bench/soak.sh, which passes an empty hosts file so no lookup leaves the machine.
 */
public final class Soak {

	public static void main(String[] args) throws Exception {
		long checks = Long.parseLong(System.getProperty("checks", "1000000"));
		int inFlight = Integer.parseInt(System.getProperty("inFlight", "1000"));
		Engine engine = Engine.valueOf(System.getProperty("engine", "AUTO").toUpperCase(Locale.ROOT));
		Duration timeout = Duration.ofMillis(Long.parseLong(System.getProperty("timeoutMs", "200")));
		InetAddress loopback = InetAddress.getLoopbackAddress();
		try (ServerSocket listener = new ServerSocket(0, 4096, loopback);
				SocketChannel closed = SocketChannel.open().bind(new InetSocketAddress(loopback, 0));
				ServerSocket blackhole = new ServerSocket(0, 1, loopback)) {
			Thread acceptor = new Thread(() -> acceptForever(listener), "soak-acceptor");
			acceptor.setDaemon(true);
			acceptor.start();
			List<SocketChannel> fillers = fill(blackhole);
			String[] hosts = { "127.0.0.1", "127.0.0.1", "127.0.0.1", "no-such-host.invalid" };
			int[] ports = { listener.getLocalPort(), ((InetSocketAddress) closed.getLocalAddress()).getPort(),
					blackhole.getLocalPort(), listener.getLocalPort() };
			try (TcpShaker shaker = TcpShaker.builder().engine(engine).maxInFlight(inFlight * 2).build()) {
				System.out.printf("soak: %d checks, %d in flight, timeout %d ms, %s on %s%n", checks, inFlight,
						timeout.toMillis(), shaker.method(), shaker.engine());
				Run run = new Run(shaker, hosts, ports, timeout, checks);
				long start = System.nanoTime();
				Sampler sampler = new Sampler(start);
				sampler.sample(run);
				for (int i = 0; i < inFlight; i++) {
					run.startNext();
				}
				while (!run.done.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
					sampler.sample(run);
				}
				sampler.sample(run);
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("done: %d checks in %.1f s (%.0f/s); outcomes %s; late closes %d%n", run.finished.get(),
						seconds, run.finished.get() / seconds, run.outcomes(), shaker.lateCloses());
				System.out.printf("max verdict overshoot past the timeout: %.1f ms; accepts by the listener: %d%n",
						run.maxOvershootNanos.get() / 1e6, accepted.get());
			}
			fillers.forEach(Soak::closeQuietly);
			System.gc();
			System.out.printf("after close: fds %d, threads %d%n", openFds(), Thread.activeCount());
		}
	}

	static final AtomicLong accepted = new AtomicLong();

	private static void acceptForever(ServerSocket server) {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				accepted.incrementAndGet();
			}
			catch (IOException ex) {
				sleep(10);
			}
		}
	}

	/** Backlog 1 holds two: the third filler's SYN and every later one are dropped. */
	private static List<SocketChannel> fill(ServerSocket blackhole) throws IOException {
		List<SocketChannel> fillers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			SocketChannel filler = SocketChannel.open();
			filler.configureBlocking(false);
			filler.connect(blackhole.getLocalSocketAddress());
			fillers.add(filler);
		}
		sleep(100);
		return fillers;
	}

	static long openFds() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)
				? unix.getOpenFileDescriptorCount() : -1;
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// gone either way
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts each next check from the previous one's completion, as the CLI does. */
	static final class Run {

		final TcpShaker shaker;

		final String[] hosts;

		final int[] ports;

		final Duration timeout;

		final long checks;

		final AtomicLong started = new AtomicLong();

		final AtomicLong finished = new AtomicLong();

		final LongAccumulator maxOvershootNanos = new LongAccumulator(Math::max, 0);

		final Map<CheckOutcome, AtomicLong> counts = new EnumMap<>(CheckOutcome.class);

		final CountDownLatch done = new CountDownLatch(1);

		Run(TcpShaker shaker, String[] hosts, int[] ports, Duration timeout, long checks) {
			this.shaker = shaker;
			this.hosts = hosts;
			this.ports = ports;
			this.timeout = timeout;
			this.checks = checks;
			for (CheckOutcome outcome : CheckOutcome.values()) {
				this.counts.put(outcome, new AtomicLong());
			}
		}

		void startNext() {
			long number = this.started.getAndIncrement();
			if (number >= this.checks) {
				return;
			}
			int target = (int) (number % this.hosts.length);
			this.shaker.checkAsync(this.hosts[target], this.ports[target], this.timeout)
				.whenComplete((result, failure) -> completed(result));
		}

		private void completed(CheckResult result) {
			this.counts.get(result.outcome()).incrementAndGet();
			this.maxOvershootNanos.accumulate(result.latency().minus(this.timeout).toNanos());
			if (this.finished.incrementAndGet() == this.checks) {
				this.done.countDown();
			}
			else {
				startNext();
			}
		}

		String outcomes() {
			StringBuilder text = new StringBuilder();
			this.counts.forEach((outcome, count) -> text.append(outcome).append('=').append(count.get()).append(' '));
			return text.toString().trim();
		}

	}

	/** Every 10 s: checks done, fds, heap after a GC, threads. */
	static final class Sampler {

		private final long start;

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		Sampler(long start) {
			this.start = start;
		}

		void sample(Run run) {
			System.gc();
			System.out.printf("t=%5.0fs checks=%d in_flight=%d fds=%d heap_after_gc_mb=%.1f threads=%d%n",
					(System.nanoTime() - this.start) / 1e9, run.finished.get(), run.shaker.inFlight(), openFds(),
					this.memory.getHeapMemoryUsage().getUsed() / 1048576.0, Thread.activeCount());
		}

	}

}
