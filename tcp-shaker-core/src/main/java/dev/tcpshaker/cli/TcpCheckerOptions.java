package dev.tcpshaker.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.Engine;
import dev.tcpshaker.HostAndPort;

/**
 * The command line of {@link TcpChecker}, parsed and validated: flags as in the Go
 * {@code tcp-checker} ({@code -a -n -c -t -v}) plus {@code -m}, {@code -e}, and
 * {@code -i -s -w} for the monitor and wait modes.
 * <p>
 * Pitfall: the parser never exits or prints; a bad command line is an
 * {@link IllegalArgumentException} whose message names the flag and its value, and
 * the caller turns it into the usage message and exit code 2.
 *
 * @param mode what the tool does: {@code -w} makes it wait, else {@code -i} makes it monitor, else it runs
 * @param targets the addresses to check ({@code -a host:port}, required, each once; exactly one in a run)
 * @param requests run: how many checks to run ({@code -n}, default 1)
 * @param concurrency run: the most checks in flight ({@code -c}, default 1, at most {@code requests})
 * @param timeout the timeout of each check ({@code -t} in milliseconds, default 1000; in monitor and wait
 * modes at most {@code interval}, default the smaller of 1000 and {@code interval})
 * @param interval monitor and wait: the time between checks of a target ({@code -i} in milliseconds,
 * default 1000 in wait mode), {@code null} in a run
 * @param waitTimeout wait: how long to wait for every target ({@code -w} in milliseconds), {@code null} otherwise
 * @param copies monitor: how many targets each address becomes ({@code -s}, default 1)
 * @param verbose run: whether to print sample failures and fd counts ({@code -v})
 * @param method half-open or a full connect ({@code -m half-open|connect}, default half-open)
 * @param engine the loop to run on ({@code -e epoll|nio}, default epoll where it loads)
 */
record TcpCheckerOptions(Mode mode, List<HostAndPort> targets, int requests, int concurrency, Duration timeout,
		Duration interval, Duration waitTimeout, int copies, boolean verbose, CheckMethod method, Engine engine) {

	/** Bounds the latency array (4 bytes a check) the run keeps for exact percentiles. */
	static final int MAX_REQUESTS = 10_000_000;

	/** Bounds the targets a monitor holds: addresses times copies. */
	static final int MAX_MONITORED = 1_000_000;

	private static final long DEFAULT_TIMEOUT_MILLIS = 1000;

	private static final long DEFAULT_WAIT_INTERVAL_MILLIS = 1000;

	static final String USAGE = """
			usage: java -jar tcp-checker.jar -a host:port [-n requests] [-c concurrency] [-v] [common flags]
			       java -jar tcp-checker.jar -a host:port... -i interval_ms [-s copies] [common flags]
			       java -jar tcp-checker.jar -a host:port... -w timeout_ms [-i interval_ms] [common flags]
			common flags:  [-t timeout_ms] [-m half-open|connect] [-e epoll|nio]
			  run (default)  check one address -n times, then print counts, rate and latency
			  monitor (-i)   check each address every interval_ms and print each change of its state (UP after
			                 2 answers in a row, DOWN after 3 failures in a row) until SIGINT or SIGTERM
			  wait (-w)      check each address every interval_ms (default 1000) until each has answered once;
			                 give up when timeout_ms has passed
			  -a host:port   address to check, e.g. 127.0.0.1:5432 or [::1]:6379 (required; repeat it to
			                 monitor or wait for several)
			  -n requests    run: number of checks, 1..%,d (default 1)
			  -c concurrency run: most checks in flight at once, at least 1 (default 1)
			  -v             run: print up to 10 failed checks and the open file descriptors before and after
			  -i interval_ms monitor, wait: time between two checks of an address
			  -s copies      monitor: check each address as that many targets, host:port#1 and on (load tests)
			  -w timeout_ms  wait: how long to wait for every address to answer
			  -t timeout_ms  timeout of each check (default 1000; in monitor and wait at most -i, default
			                 min(1000, -i)); a run resolves the host once before its checks, the other modes
			                 before each check
			  -m method      half-open (SYN, SYN-ACK, RST: the target never accepts) or connect (default half-open)
			  -e engine      epoll (Linux, through jnr-ffi) or nio (pure JDK) (default: epoll where it loads)
			  -h             print this help
			exit codes: 0 the run finished, the monitor was stopped by a signal, or every address answered
			            1 the tool could not run (unknown host, no engine, out of file descriptors) or the wait
			              timed out
			            2 bad command line
			""".formatted(MAX_REQUESTS);

	/** What the tool does with its targets. */
	enum Mode {

		/** {@code -n} checks of one address, measured: the benchmark driver. */
		RUN,

		/** Every target on a schedule, each change of state printed, until stopped. */
		MONITOR,

		/** Every target until each has answered, or a deadline. */
		WAIT

	}

	/**
	 * Whether the arguments ask for help ({@code -h}, {@code -help} or {@code --help}).
	 * @param args the command line
	 * @return whether to print the usage and exit 0
	 */
	static boolean isHelpRequest(List<String> args) {
		return args.contains("-h") || args.contains("-help") || args.contains("--help");
	}

	/**
	 * Parses a command line. A flag given twice keeps its last value, as Go's
	 * {@code flag} package does, except {@code -a}, which adds a target each time.
	 * @param args the arguments, flags and values as separate elements
	 * @return the options
	 * @throws IllegalArgumentException naming the bad flag or value
	 */
	static TcpCheckerOptions parse(List<String> args) {
		List<HostAndPort> targets = new ArrayList<>();
		Set<String> given = new HashSet<>();
		int requests = 1;
		int concurrency = 1;
		Long timeoutMillis = null;
		long intervalMillis = DEFAULT_WAIT_INTERVAL_MILLIS;
		long waitMillis = 0;
		int copies = 1;
		boolean verbose = false;
		CheckMethod method = CheckMethod.HALF_OPEN;
		Engine engine = Engine.AUTO;
		for (int i = 0; i < args.size(); i++) {
			String flag = args.get(i);
			if (flag.equals("-v")) {
				verbose = true;
				given.add(flag);
				continue;
			}
			if (!flag.matches("-[ancmteisw]")) {
				throw new IllegalArgumentException("unknown flag or argument '" + flag + "'");
			}
			if (i + 1 >= args.size()) {
				throw new IllegalArgumentException("flag " + flag + " needs a value");
			}
			given.add(flag);
			String value = args.get(++i);
			switch (flag) {
				case "-a" -> addTarget(targets, HostAndPort.parse(value));
				case "-n" -> requests = (int) number(flag, value, 1, MAX_REQUESTS);
				case "-c" -> concurrency = (int) number(flag, value, 1, Integer.MAX_VALUE);
				case "-t" -> timeoutMillis = number(flag, value, 1, Integer.MAX_VALUE);
				case "-i" -> intervalMillis = number(flag, value, 1, Integer.MAX_VALUE);
				case "-s" -> copies = (int) number(flag, value, 1, MAX_MONITORED);
				case "-w" -> waitMillis = number(flag, value, 1, Integer.MAX_VALUE);
				case "-m" -> method = method(value);
				default -> engine = engine(value);
			}
		}
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("flag -a host:port is required");
		}
		Mode mode = given.contains("-w") ? Mode.WAIT : given.contains("-i") ? Mode.MONITOR : Mode.RUN;
		rejectFlagsOfOtherModes(mode, given);
		if (mode == Mode.RUN) {
			if (targets.size() > 1) {
				throw new IllegalArgumentException("a run (-n) checks one address but -a was given " + targets.size()
						+ " times; add -i to monitor several or -w to wait for several");
			}
			return new TcpCheckerOptions(mode, List.copyOf(targets), requests, Math.min(concurrency, requests),
					Duration.ofMillis((timeoutMillis != null) ? timeoutMillis : DEFAULT_TIMEOUT_MILLIS), null, null, 1,
					verbose, method, engine);
		}
		long timeout = (timeoutMillis != null) ? timeoutMillis : Math.min(DEFAULT_TIMEOUT_MILLIS, intervalMillis);
		if (timeout > intervalMillis) {
			throw new IllegalArgumentException("flag -t must not be longer than -i, or two checks of one address "
					+ "would overlap, but -t was " + timeout + " ms and -i " + intervalMillis + " ms");
		}
		if ((long) targets.size() * copies > MAX_MONITORED) {
			throw new IllegalArgumentException("flag -s " + copies + " makes " + (long) targets.size() * copies
					+ " targets of " + targets.size() + " addresses, more than " + MAX_MONITORED);
		}
		return new TcpCheckerOptions(mode, List.copyOf(targets), 1, 1, Duration.ofMillis(timeout),
				Duration.ofMillis(intervalMillis), (mode == Mode.WAIT) ? Duration.ofMillis(waitMillis) : null, copies,
				false, method, engine);
	}

	/**
	 * The only target of a run.
	 * @return the target
	 */
	HostAndPort target() {
		return this.targets.get(0);
	}

	/**
	 * The most checks in flight at once, for the shaker's limit: a monitor and a wait never
	 * check one target twice at once.
	 * @return the limit
	 */
	int maxInFlight() {
		return (this.mode == Mode.RUN) ? this.concurrency : this.targets.size() * this.copies;
	}

	private static void addTarget(List<HostAndPort> targets, HostAndPort target) {
		if (targets.contains(target)) {
			throw new IllegalArgumentException("flag -a must name each address once but named " + target + " twice");
		}
		targets.add(target);
	}

	/** A flag another mode uses would silently do nothing here: reject it instead. */
	private static void rejectFlagsOfOtherModes(Mode mode, Set<String> given) {
		if (mode != Mode.RUN) {
			for (String flag : List.of("-n", "-c", "-v")) {
				if (given.contains(flag)) {
					throw new IllegalArgumentException("flag " + flag + " applies to a run (without -i or -w) only");
				}
			}
		}
		if (mode != Mode.MONITOR && given.contains("-s")) {
			throw new IllegalArgumentException("flag -s applies to monitor mode (-i without -w) only");
		}
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

}
