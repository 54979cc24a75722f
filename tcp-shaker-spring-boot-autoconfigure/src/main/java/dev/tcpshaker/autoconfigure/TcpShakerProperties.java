package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.Engine;
import dev.tcpshaker.HostAndPort;

/**
 * Configuration properties for tcp-shaker, bound to {@code tcpshaker.*}.
 * <p>
 * The class validates itself while Boot binds it (Boot applies a properties object
 * that is a {@link Validator} to itself), so a bad value fails startup with Boot's
 * failure-analysis report. Each message names the full property and its value, such
 * as {@code tcpshaker.targets.db.port must be in 1..65535 but was 70000}.
 * <p>
 * A property that binds to nothing fails startup too, rather than being ignored: a
 * target name with a dot, {@code tcpshaker.targets.plain.db.host}, or a misspelt
 * {@code tcpshaker.targets.db.hots} would otherwise drop a target that then never
 * shows DOWN. {@code UnboundTcpShakerPropertyFailureAnalyzer} explains the fix.
 */
@ConfigurationProperties(prefix = "tcpshaker", ignoreUnknownFields = false)
public class TcpShakerProperties implements Validator {

	/**
	 * Whether to enable tcp-shaker: the TcpShaker bean and its health contributor.
	 */
	private boolean enabled = true;

	/**
	 * How checks talk to their targets: 'half-open' sends SYN, reads the SYN-ACK and
	 * answers RST so the target's application never sees a connection; 'connect' opens
	 * and closes a full connection; 'auto' uses half-open where the platform allows it.
	 */
	private CheckMethod method = CheckMethod.AUTO;

	/**
	 * Which loop runs the checks: 'epoll' (Linux, through jnr-ffi: loads native code,
	 * which JDK 22+ reports unless native access is enabled), 'nio' (pure JDK, half-open
	 * on Linux too, no native code) or 'auto' (epoll where it loads, nio otherwise).
	 */
	private Engine engine = Engine.AUTO;

	/**
	 * Time a check may take, name lookup included, before its target counts as down.
	 * Targets without a timeout of their own use it. Must not be longer than the
	 * target's shortest interval.
	 */
	private Duration timeout = Duration.ofSeconds(1);

	/**
	 * Time between two checks of a target that is steadily up (HAProxy's 'inter').
	 */
	private Duration interval = Duration.ofSeconds(2);

	/**
	 * Time between two checks of a target that is changing state, and before its first
	 * verdict (HAProxy's 'fastinter'). Defaults to the interval.
	 */
	private Duration fastInterval;

	/**
	 * Time between two checks of a target that is steadily down (HAProxy's 'downinter').
	 * Defaults to the interval.
	 */
	private Duration downInterval;

	/**
	 * Consecutive successful checks that bring a down target up.
	 */
	private int rise = 2;

	/**
	 * Consecutive failed checks that take an up target down.
	 */
	private int fall = 3;

	/**
	 * Fraction of the interval, in 0..0.5, by which each interval varies at random either
	 * way, so that instances of an application do not check in step.
	 */
	private double jitter = 0.1;

	/**
	 * Maximum number of checks in flight at once. Beyond it a check fails at once rather
	 * than queue. The monitor's scheduled checks, at most one per target, count but are
	 * never refused, so the limit never fails a target.
	 */
	private int maxInFlight = 10_000;

	/**
	 * Targets to check, by name: each has a 'host' and a 'port' (1..65535), and may set
	 * its own 'timeout', 'interval', 'fast-interval', 'down-interval', 'rise', 'fall' and
	 * 'jitter', which default to the 'tcpshaker.*' ones. Each target becomes the health
	 * indicator 'tcpShaker/<name>'. A name with dots needs brackets:
	 * 'tcpshaker.targets[db.eu].host'.
	 */
	private final Map<String, Target> targets = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public CheckMethod getMethod() {
		return this.method;
	}

	public void setMethod(CheckMethod method) {
		this.method = method;
	}

	public Engine getEngine() {
		return this.engine;
	}

	public void setEngine(Engine engine) {
		this.engine = engine;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getFastInterval() {
		return this.fastInterval;
	}

	public void setFastInterval(Duration fastInterval) {
		this.fastInterval = fastInterval;
	}

	public Duration getDownInterval() {
		return this.downInterval;
	}

	public void setDownInterval(Duration downInterval) {
		this.downInterval = downInterval;
	}

	public int getRise() {
		return this.rise;
	}

	public void setRise(int rise) {
		this.rise = rise;
	}

	public int getFall() {
		return this.fall;
	}

	public void setFall(int fall) {
		this.fall = fall;
	}

	public double getJitter() {
		return this.jitter;
	}

	public void setJitter(double jitter) {
		this.jitter = jitter;
	}

	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(int maxInFlight) {
		this.maxInFlight = maxInFlight;
	}

	public Map<String, Target> getTargets() {
		return this.targets;
	}

	@Override
	public boolean supports(Class<?> type) {
		return TcpShakerProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		TcpShakerProperties properties = (TcpShakerProperties) target;
		rejectUnlessPositive(errors, "timeout", "tcpshaker.timeout", properties.getTimeout());
		if (properties.getMaxInFlight() < 1) {
			errors.rejectValue("maxInFlight", "positive",
					"tcpshaker.max-in-flight must be positive but was " + properties.getMaxInFlight());
		}
		properties.getTargets().forEach((name, value) -> validateTarget(errors, name, value));
		MonitoredTargets.validate(properties, errors);
	}

	private static void validateTarget(Errors errors, String name, Target target) {
		String field = "targets[" + name + "]";
		String property = "tcpshaker.targets." + name;
		if (name.contains("/")) {
			// The name becomes a health path segment: Boot rejects a '/' there.
			errors.rejectValue(field, "name", property + " must not contain '/' in its name");
		}
		String host = target.getHost();
		if (host == null || host.isBlank()) {
			errors.rejectValue(field + ".host", "required",
					property + ".host must be set" + ((host != null) ? " but was blank" : ""));
		}
		else if (includesPort(host)) {
			errors.rejectValue(field + ".host", "port",
					property + ".host must not include a port: set " + property + ".port");
		}
		else {
			// Caught here, at startup, rather than by every health request.
			rejectUnlessValid(errors, field + ".host", property, () -> HostAndPort.requireValidHost(host));
		}
		if (target.getPort() == null) {
			errors.rejectValue(field + ".port", "required", property + ".port must be set");
		}
		else {
			rejectUnlessValid(errors, field + ".port", property, () -> HostAndPort.requireValidPort(target.getPort()));
		}
		if (target.getTimeout() != null) {
			rejectUnlessPositive(errors, field + ".timeout", property + ".timeout", target.getTimeout());
		}
	}

	/** A host such as {@code 127.0.0.1:80} reads as a whole address: its port has a property of its own. */
	private static boolean includesPort(String host) {
		try {
			HostAndPort.parse(host);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Reports what a check of the core rejects under the full property name: the core's
	 * messages start with the argument's name, as in {@code host must be a valid IPv4
	 * address but was '127.0.0.256'}, so the parent property goes in front.
	 */
	private static void rejectUnlessValid(Errors errors, String field, String parent, Runnable check) {
		try {
			check.run();
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue(field, "invalid", parent + "." + ex.getMessage());
		}
	}

	/** Binding leaves an empty value unset, so a duration here is never null. */
	private static void rejectUnlessPositive(Errors errors, String field, String property, Duration value) {
		if (value.isZero() || value.isNegative()) {
			errors.rejectValue(field, "positive", property + " must be positive but was " + value);
		}
	}

	/**
	 * One target: where to check and, optionally, how long to wait.
	 */
	public static class Target {

		/**
		 * Host name or IP address of the target.
		 */
		private String host;

		/**
		 * TCP port of the target, in 1..65535.
		 */
		private Integer port;

		/**
		 * Time a check of this target may take. Defaults to 'tcpshaker.timeout'.
		 */
		private Duration timeout;

		/**
		 * Time between two checks of this target while it is steadily up. Defaults to
		 * 'tcpshaker.interval'.
		 */
		private Duration interval;

		/**
		 * Time between two checks of this target while it changes state. Defaults to
		 * 'tcpshaker.fast-interval'.
		 */
		private Duration fastInterval;

		/**
		 * Time between two checks of this target while it is steadily down. Defaults to
		 * 'tcpshaker.down-interval'.
		 */
		private Duration downInterval;

		/**
		 * Consecutive successes that bring this target up. Defaults to 'tcpshaker.rise'.
		 */
		private Integer rise;

		/**
		 * Consecutive failures that take this target down. Defaults to 'tcpshaker.fall'.
		 */
		private Integer fall;

		/**
		 * Random variation of this target's intervals. Defaults to 'tcpshaker.jitter'.
		 */
		private Double jitter;

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public Integer getPort() {
			return this.port;
		}

		public void setPort(Integer port) {
			this.port = port;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getFastInterval() {
			return this.fastInterval;
		}

		public void setFastInterval(Duration fastInterval) {
			this.fastInterval = fastInterval;
		}

		public Duration getDownInterval() {
			return this.downInterval;
		}

		public void setDownInterval(Duration downInterval) {
			this.downInterval = downInterval;
		}

		public Integer getRise() {
			return this.rise;
		}

		public void setRise(Integer rise) {
			this.rise = rise;
		}

		public Integer getFall() {
			return this.fall;
		}

		public void setFall(Integer fall) {
			this.fall = fall;
		}

		public Double getJitter() {
			return this.jitter;
		}

		public void setJitter(Double jitter) {
			this.jitter = jitter;
		}

	}

}
