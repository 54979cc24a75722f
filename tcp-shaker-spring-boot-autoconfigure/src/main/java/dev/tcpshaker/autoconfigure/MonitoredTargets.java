package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.MonitoredTarget;

/**
 * Turns {@code tcpshaker.targets.*} into the monitor's targets: each value is the
 * target's own, else the global one; an unset fast or down interval follows the
 * target's interval, as HAProxy's {@code fastinter} and {@code downinter} follow
 * {@code inter}. Validation resolves values the same way, so its messages name the
 * property a value really came from.
 */
final class MonitoredTargets {

	private static final Pattern KEBAB = Pattern.compile("([A-Z])");

	private MonitoredTargets() {
	}

	/**
	 * The configured targets, in configuration order. Call on validated properties.
	 * @param properties the properties
	 * @return the targets
	 */
	static List<MonitoredTarget> from(TcpShakerProperties properties) {
		List<MonitoredTarget> targets = new ArrayList<>();
		properties.getTargets().forEach((name, target) -> {
			TargetSettings settings = new TargetSettings(properties, name, target);
			targets.add(new MonitoredTarget(name, new HostAndPort(target.getHost(), target.getPort()),
					settings.timeout().value(), settings.schedule()));
		});
		return targets;
	}

	/**
	 * Rejects schedule values that cannot work, naming the property each came from: the
	 * global ones once, each target's own ones, and a timeout longer than the shortest
	 * interval of its target.
	 */
	static void validate(TcpShakerProperties properties, Errors errors) {
		Setting<Duration> globalTimeout = new Setting<>("timeout", "tcpshaker.timeout", properties.getTimeout());
		List<Setting<?>> globals = List.<Setting<?>>of(new Setting<>("interval", "tcpshaker.interval", properties.getInterval()),
				new Setting<>("fastInterval", "tcpshaker.fast-interval", properties.getFastInterval()),
				new Setting<>("downInterval", "tcpshaker.down-interval", properties.getDownInterval()),
				new Setting<>("rise", "tcpshaker.rise", properties.getRise()),
				new Setting<>("fall", "tcpshaker.fall", properties.getFall()),
				new Setting<>("jitter", "tcpshaker.jitter", properties.getJitter()));
		boolean valid = true;
		for (Setting<?> setting : globals) {
			valid &= setting.validate(errors);
		}
		if (!valid || globalTimeout.value() == null || !positive(globalTimeout.value())) {
			return; // each target would repeat the global error
		}
		properties.getTargets().forEach((name, target) -> {
			TargetSettings settings = new TargetSettings(properties, name, target);
			boolean targetValid = positive(settings.timeout().value()); // its own timeout is checked with the target
			for (Setting<?> setting : settings.own()) {
				targetValid &= setting.validate(errors);
			}
			if (targetValid) {
				rejectTimeoutLongerThanAnInterval(errors, name, settings);
			}
		});
	}

	private static void rejectTimeoutLongerThanAnInterval(Errors errors, String name, TargetSettings settings) {
		Setting<Duration> timeout = settings.timeout();
		for (Setting<Duration> interval : List.of(settings.interval(), settings.fastInterval(),
				settings.downInterval())) {
			if (timeout.value().compareTo(interval.value()) > 0) {
				errors.rejectValue(timeout.field(), "overlap", timeout.property() + " (" + timeout.value()
						+ ") must not be longer than " + interval.property() + " (" + interval.value() + ") of target '"
						+ name + "': its checks would overlap; shorten the timeout or lengthen the interval");
				return;
			}
		}
	}

	private static boolean positive(Duration duration) {
		return !duration.isZero() && !duration.isNegative();
	}

	/**
	 * One target's settings: its own value when set, else the global one, each with the
	 * property it came from.
	 */
	private record TargetSettings(TcpShakerProperties properties, String name, TcpShakerProperties.Target target) {

		Setting<Duration> timeout() {
			return pick("timeout", this.target.getTimeout(), this.properties.getTimeout());
		}

		Setting<Duration> interval() {
			return pick("interval", this.target.getInterval(), this.properties.getInterval());
		}

		Setting<Duration> fastInterval() {
			if (this.target.getFastInterval() == null && this.properties.getFastInterval() == null) {
				return interval();
			}
			return pick("fastInterval", this.target.getFastInterval(), this.properties.getFastInterval());
		}

		Setting<Duration> downInterval() {
			if (this.target.getDownInterval() == null && this.properties.getDownInterval() == null) {
				return interval();
			}
			return pick("downInterval", this.target.getDownInterval(), this.properties.getDownInterval());
		}

		Setting<Integer> rise() {
			return pick("rise", this.target.getRise(), this.properties.getRise());
		}

		Setting<Integer> fall() {
			return pick("fall", this.target.getFall(), this.properties.getFall());
		}

		Setting<Double> jitter() {
			return pick("jitter", this.target.getJitter(), this.properties.getJitter());
		}

		/** The values the target sets itself, which the global validation did not see. */
		List<Setting<?>> own() {
			return List.<Setting<?>>of(interval(), fastInterval(), downInterval(), rise(), fall(), jitter())
				.stream()
				.filter((setting) -> setting.property().startsWith("tcpshaker.targets."))
				.toList();
		}

		CheckSchedule schedule() {
			return new CheckSchedule(interval().value(), fastInterval().value(), downInterval().value(),
					rise().value(), fall().value(), jitter().value());
		}

		private <T> Setting<T> pick(String field, T own, T global) {
			String kebab = KEBAB.matcher(field).replaceAll("-$1").toLowerCase(Locale.ROOT);
			if (own != null) {
				return new Setting<>("targets[" + this.name + "]." + field,
						"tcpshaker.targets." + this.name + "." + kebab, own);
			}
			return new Setting<>(field, "tcpshaker." + kebab, global);
		}

	}

	/**
	 * One value with the field and property it came from.
	 */
	private record Setting<T>(String field, String property, T value) {

		/** Rejects a value that no schedule accepts; an unset optional value passes. */
		boolean validate(Errors errors) {
			String problem = problem();
			if (problem != null) {
				errors.rejectValue(this.field, "invalid", this.property + " " + problem + " but was " + this.value);
			}
			return problem == null;
		}

		private String problem() {
			if (this.value instanceof Duration duration) {
				if (!positive(duration)) {
					return "must be positive";
				}
				// Timeouts are capped by their interval; intervals by the schedule's maximum.
				return (duration.compareTo(CheckSchedule.MAX_INTERVAL) <= 0) ? null
						: "must be at most " + CheckSchedule.MAX_INTERVAL;
			}
			if (this.value instanceof Integer count) {
				return (count >= 1) ? null : "must be at least 1";
			}
			if (this.value instanceof Double fraction) {
				return (fraction >= 0 && fraction <= CheckSchedule.MAX_JITTER) ? null
						: "must be in 0.." + CheckSchedule.MAX_JITTER;
			}
			return null;
		}

	}

}
