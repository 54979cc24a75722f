package dev.tcpshaker.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.tcpshaker.TcpShaker;

/**
 * {@code tcp-checker}: runs many checks of one address and reports counts, rate and
 * latency, a port of the Go tool of the same name. It is also the project's benchmark
 * driver, so its last line on stdout follows the harness's candidate contract:
 * <pre>
 * checks=N up=.. refused=.. timeout=.. other=.. seconds=.. checks_per_s=.. p50_us=.. p99_us=.. cpu_user_s=.. cpu_sys_s=.. late_closes=..
 * </pre>
 * Exit codes: 0 when every check ran (whatever the outcomes), 1 when the run could not
 * start (unknown host, engine unavailable), 2 for a bad command line.
 */
public final class TcpChecker {

	private TcpChecker() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the tool.
	 * @param args the command line
	 * @param out where the summary and the result line go
	 * @param err where usage, errors and {@code -v} details go
	 * @return the exit code
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> arguments = List.of(args);
		if (TcpCheckerOptions.isHelpRequest(arguments)) {
			out.print(TcpCheckerOptions.USAGE);
			return 0;
		}
		TcpCheckerOptions options;
		try {
			options = TcpCheckerOptions.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			err.println("tcp-checker: " + ex.getMessage());
			err.print(TcpCheckerOptions.USAGE);
			return 2;
		}
		InetSocketAddress address;
		try {
			// Once, before the run: the checks measure the target, not the resolver.
			address = new InetSocketAddress(InetAddress.getByName(options.target().host()), options.target().port());
		}
		catch (UnknownHostException ex) {
			err.println("tcp-checker: cannot resolve " + options.target() + ": " + ex.getMessage());
			return 1;
		}
		TcpShaker shaker;
		try {
			shaker = TcpShaker.builder()
				.engine(options.engine())
				.method(options.method())
				.defaultTimeout(options.timeout())
				.maxInFlight(options.concurrency())
				.build();
		}
		catch (IllegalStateException ex) {
			err.println("tcp-checker: " + ex.getMessage());
			return 1;
		}
		try (shaker) {
			out.printf(Locale.ROOT, "Checking %s (%s) %d times, at most %d in flight, timeout %d ms: %s on the %s engine%n",
					options.target(), address.getAddress().getHostAddress(), options.requests(), options.concurrency(),
					options.timeout().toMillis(), shaker.method(), shaker.engine().name().toLowerCase(Locale.ROOT));
			long fdsBefore = openFileDescriptors();
			RunReport report = new CheckRun(shaker, address, options.timeout(), options.requests(),
					options.concurrency())
				.run();
			if (options.verbose()) {
				report.failureSamples().forEach((result) -> err.println("  not up: " + result));
				err.printf(Locale.ROOT, "Open file descriptors: %d before the checks, %d after%n", fdsBefore,
						openFileDescriptors());
			}
			report.summary().forEach(out::println);
			out.println(report.resultLine());
			out.flush();
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			err.println("tcp-checker: interrupted");
			return 1;
		}
	}

	/** Open file descriptors of this process, or -1 where the JDK counts none (not Unix). */
	private static long openFileDescriptors() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)
				? unix.getOpenFileDescriptorCount() : -1;
	}

}
