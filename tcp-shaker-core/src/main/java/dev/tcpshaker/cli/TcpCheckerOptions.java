package dev.tcpshaker.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.Engine;

/**
 * The command line of {@link TcpChecker}, parsed and validated: flags as in the Go
 * {@code tcp-checker} ({@code -a -n -c -t -v}) plus {@code -m} and {@code -e}.
 * <p>
 * Pitfall: the parser never exits or prints; a bad command line is an
 * {@link IllegalArgumentException} whose message names the flag and its value, and
 * the caller turns it into the usage message and exit code 2.
 *
 * @param target the address to check ({@code -a host:port}, required)
 * @param requests how many checks to run ({@code -n}, default 1)
 * @param concurrency the most checks in flight ({@code -c}, default 1, at most {@code requests})
 * @param timeout the timeout of each check ({@code -t} in milliseconds, default 1000)
 * @param verbose whether to print sample failures and fd counts ({@code -v})
 * @param method half-open or a full connect ({@code -m half-open|connect}, default half-open)
 * @param engine the loop to run on ({@code -e epoll|nio}, default epoll where it loads)
 */
public record TcpCheckerOptions(HostAndPort target, int requests, int concurrency, Duration timeout, boolean verbose,
		CheckMethod method, Engine engine) {

	/** Bounds the latency array (4 bytes a check) the run keeps for exact percentiles. */
	static final int MAX_REQUESTS = 10_000_000;

	static final String USAGE = """
			usage: java -jar tcp-checker.jar -a host:port [-n requests] [-c concurrency] [-t timeout_ms]
			                                 [-m half-open|connect] [-e epoll|nio] [-v]
			  -a host:port   address to check, e.g. 127.0.0.1:5432 or [::1]:6379 (required)
			  -n requests    number of checks to run, 1..%,d (default 1)
			  -c concurrency most checks in flight at once, at least 1 (default 1)
			  -t timeout_ms  timeout of each check in milliseconds (default 1000); the host is resolved once, before
			  -m method      half-open (SYN, SYN-ACK, RST: the target never accepts) or connect (default half-open)
			  -e engine      epoll (Linux, through jnr-ffi) or nio (pure JDK) (default: epoll where it loads)
			  -v             print up to 10 failed checks and the open file descriptors before and after
			  -h             print this help
			""".formatted(MAX_REQUESTS);

	/**
	 * Whether the arguments ask for help ({@code -h}, {@code -help} or {@code --help}).
	 * @param args the command line
	 * @return whether to print the usage and exit 0
	 */
	public static boolean isHelpRequest(List<String> args) {
		return args.contains("-h") || args.contains("-help") || args.contains("--help");
	}

	/**
	 * Parses a command line. A flag given twice keeps its last value, as Go's
	 * {@code flag} package does.
	 * @param args the arguments, flags and values as separate elements
	 * @return the options
	 * @throws IllegalArgumentException naming the bad flag or value
	 */
	public static TcpCheckerOptions parse(List<String> args) {
		HostAndPort target = null;
		int requests = 1;
		int concurrency = 1;
		long timeoutMillis = 1000;
		boolean verbose = false;
		CheckMethod method = CheckMethod.HALF_OPEN;
		Engine engine = Engine.AUTO;
		for (int i = 0; i < args.size(); i++) {
			String flag = args.get(i);
			if (flag.equals("-v")) {
				verbose = true;
				continue;
			}
			if (!flag.matches("-[ancmte]")) {
				throw new IllegalArgumentException("unknown flag or argument '" + flag + "'");
			}
			if (i + 1 >= args.size()) {
				throw new IllegalArgumentException("flag " + flag + " needs a value");
			}
			String value = args.get(++i);
			switch (flag) {
				case "-a" -> target = HostAndPort.parse(value);
				case "-n" -> requests = (int) number(flag, value, 1, MAX_REQUESTS);
				case "-c" -> concurrency = (int) number(flag, value, 1, Integer.MAX_VALUE);
				case "-t" -> timeoutMillis = number(flag, value, 1, Integer.MAX_VALUE);
				case "-m" -> method = method(value);
				default -> engine = engine(value);
			}
		}
		if (target == null) {
			throw new IllegalArgumentException("flag -a host:port is required");
		}
		return new TcpCheckerOptions(target, requests, Math.min(concurrency, requests),
				Duration.ofMillis(timeoutMillis), verbose, method, engine);
	}

	private static long number(String flag, String value, long min, long max) {
		long number;
		try {
			number = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("flag " + flag + " must be a whole number but was '" + value + "'");
		}
		if (number < min || number > max) {
			throw new IllegalArgumentException(
					"flag " + flag + " must be in " + min + ".." + max + " but was " + value);
		}
		return number;
	}

	private static CheckMethod method(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "half-open" -> CheckMethod.HALF_OPEN;
			case "connect" -> CheckMethod.CONNECT;
			default -> throw new IllegalArgumentException(
					"flag -m must be half-open or connect but was '" + value + "'");
		};
	}

	private static Engine engine(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "epoll" -> Engine.EPOLL;
			case "nio" -> Engine.NIO;
			default -> throw new IllegalArgumentException("flag -e must be epoll or nio but was '" + value + "'");
		};
	}

	/**
	 * The method as the command line spells it.
	 * @return {@code half-open} or {@code connect}
	 */
	String methodName() {
		return (this.method == CheckMethod.CONNECT) ? "connect" : "half-open";
	}

}
