package dev.tcpshaker.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.TcpShaker;

/**
 * {@code tcp-checker}: checks TCP addresses from the command line, in one of three modes.
 * <ul>
 * <li>A run (the default) checks one address many times and reports counts, rate and
 * latency, as the Go tool of the same name does. It is also the project's benchmark
 * driver, so its last line on stdout follows the harness's candidate contract:
 * <pre>
 * checks=N up=.. refused=.. timeout=.. other=.. seconds=.. checks_per_s=.. p50_us=.. p99_us=.. cpu_user_s=.. cpu_sys_s=.. late_closes=..
 * </pre></li>
 * <li>Monitor mode ({@code -i}) checks addresses on a schedule and prints each change of
 * state until SIGINT or SIGTERM.</li>
 * <li>Wait mode ({@code -w}) checks addresses until each has answered, or a deadline.</li>
 * </ul>
 * Exit codes: 0 when the run finished (whatever the outcomes), the monitor was stopped,
 * or every address answered; 1 when the tool could not run (unknown host, no engine, out
 * of file descriptors) or the wait timed out; 2 for a bad command line. Errors are one
 * line on stderr, never a stack trace.
 */
public final class TcpChecker {

	/**
	 * slf4j-simple's level for the monitor's own log of state changes, which would repeat
	 * the lines monitor mode prints.
	 */
	private static final String MONITOR_LOG_LEVEL = "org.slf4j.simpleLogger.log.dev.tcpshaker.monitor";

	private TcpChecker() {
	}

	public static void main(String[] args) {
		if (System.getProperty(MONITOR_LOG_LEVEL) == null) {
			System.setProperty(MONITOR_LOG_LEVEL, "off");
		}
		InterruptOnSignal signals = InterruptOnSignal.install(Thread.currentThread());
		int exitCode = 1;
		try {
			exitCode = run(args, System.out, System.err);
		}
		catch (RuntimeException ex) {
			// A bug rather than a condition, but still one line, as every other error.
			System.err.println("tcp-checker: " + ex);
		}
		finally {
			signals.finished(exitCode);
		}
		System.exit(exitCode);
	}

	/**
	 * Runs the tool until it is done or, in monitor mode, until the calling thread is
	 * interrupted.
	 * @param args the command line
	 * @param out where summaries, result lines and state changes go
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
		TcpShaker shaker;
		try {
			shaker = TcpShaker.builder()
				.engine(options.engine())
				.method(options.method())
				.defaultTimeout(options.timeout())
				.maxInFlight(options.maxInFlight())
				.build();
		}
		catch (IllegalStateException ex) {
			// No engine here, or the process is out of file descriptors: a condition, not a bug.
			err.println("tcp-checker: " + ex.getMessage());
			return 1;
		}
		try (shaker) {
			return switch (options.mode()) {
				case RUN -> checkRun(shaker, options, out, err);
				case MONITOR -> monitor(shaker, options, out);
				case WAIT -> waitForTargets(shaker, options, out, err);
			};
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			err.println("tcp-checker: interrupted");
			return 1;
		}
	}

	private static int checkRun(TcpShaker shaker, TcpCheckerOptions options, PrintStream out, PrintStream err)
			throws InterruptedException {
		HostAndPort target = options.target();
		InetSocketAddress address;
		try {
			// Once, before the run: the checks measure the target, not the resolver.
			address = new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
		}
		catch (UnknownHostException ex) {
			err.println("tcp-checker: cannot resolve " + target + ": " + ex.getMessage());
			return 1;
		}
		out.printf(Locale.ROOT, "Checking %s (%s) %d times, at most %d in flight, timeout %d ms: %s on the %s engine%n",
				target, address.getAddress().getHostAddress(), options.requests(), options.concurrency(),
				options.timeout().toMillis(), shaker.method(), engineName(shaker));
		long fdsBefore = openFileDescriptors();
		RunReport report = new CheckRun(shaker, address, options.timeout(), options.requests(), options.concurrency())
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

	private static int monitor(TcpShaker shaker, TcpCheckerOptions options, PrintStream out) {
		try {
			new MonitorRun(shaker, options, out).run();
		}
		catch (InterruptedException ex) {
			// The way a monitor is told to stop: a normal end.
		}
		out.flush();
		return 0;
	}

	private static int waitForTargets(TcpShaker shaker, TcpCheckerOptions options, PrintStream out, PrintStream err)
			throws InterruptedException {
		WaitRun.Result result = new WaitRun(shaker, options.targets(), options.interval(), options.timeout(),
				options.waitTimeout())
			.run();
		double seconds = result.elapsed().toNanos() / 1e9;
		if (result.allUp()) {
			out.printf(Locale.ROOT, "All up after %.3f s: %s%n", seconds,
					options.targets().stream().map(HostAndPort::toString).collect(Collectors.joining(", ")));
			out.flush();
			return 0;
		}
		err.printf(Locale.ROOT, "tcp-checker: gave up after %.3f s, %d of %d not up:%n", seconds,
				result.notUp().size(), options.targets().size());
		result.notUp().forEach((last) -> err.println("  " + last));
		return 1;
	}

	private static String engineName(TcpShaker shaker) {
		return shaker.engine().name().toLowerCase(Locale.ROOT);
	}

	/** Open file descriptors of this process, or -1 where the JDK counts none (not Unix). */
	private static long openFileDescriptors() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)
				? unix.getOpenFileDescriptorCount() : -1;
	}

}
