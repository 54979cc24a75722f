package dev.tcpshaker.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.TargetMonitor;

/**
 * Monitors every address with a {@link TargetMonitor} and prints each change of state
 * until the calling thread is interrupted: the monitoring job of a health check, seen
 * from the command line.
 * <p>
 * The schedule is HAProxy's with one interval for every state ({@code inter},
 * {@code fastinter} and {@code downinter} alike), rise 2, fall 3 and the default jitter.
 * With copies ({@code -s}), each address becomes that many targets named
 * {@code host:port#1} and on, to load the monitor as that many dependencies would.
 */
final class MonitorRun {

	private final TcpShaker shaker;

	private final TcpCheckerOptions options;

	private final PrintStream out;

	MonitorRun(TcpShaker shaker, TcpCheckerOptions options, PrintStream out) {
		this.shaker = shaker;
		this.options = options;
		this.out = out;
	}

	/**
	 * Monitors until interrupted, then closes the monitor; the shaker stays open.
	 * @throws InterruptedException when interrupted: the normal end
	 */
	void run() throws InterruptedException {
		CheckSchedule schedule = CheckSchedule.defaults().withInterval(this.options.interval());
		try (TargetMonitor monitor = TargetMonitor.create(this.shaker)) {
			monitor.addListener(new StateChangePrinter(this.out));
			int copies = this.options.copies();
			for (HostAndPort address : this.options.targets()) {
				for (int copy = 1; copy <= copies; copy++) {
					String name = (copies == 1) ? address.toString() : address + "#" + copy;
					monitor.add(new MonitoredTarget(name, address, this.options.timeout(), schedule));
				}
			}
			this.out.printf(Locale.ROOT,
					"Monitoring %s%s every %d ms, timeout %d ms, rise %d, fall %d: %s on the %s engine%n",
					this.options.targets().stream().map(HostAndPort::toString).collect(Collectors.joining(", ")),
					(copies == 1) ? "" : " (" + copies + " copies each)", schedule.interval().toMillis(),
					this.options.timeout().toMillis(), schedule.rise(), schedule.fall(), this.shaker.method(),
					this.shaker.engine().name().toLowerCase(Locale.ROOT));
			monitor.start();
			// Nothing counts this down: only an interrupt (a signal, through TcpChecker.main) ends the monitoring.
			new CountDownLatch(1).await();
		}
	}

}
