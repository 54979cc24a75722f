package dev.tcpshaker.monitor;

import java.time.Duration;

/**
 * How often a target is checked and how many verdicts in a row change its state, with
 * HAProxy's meanings ({@code inter}, {@code fastinter}, {@code downinter}, {@code rise},
 * {@code fall}, {@code spread-checks}).
 * <p>
 * Defaults are HAProxy's: every 2 s, UP after 2 successes, DOWN after 3 failures; the
 * fast and down intervals default to the interval, as HAProxy's do. The jitter defaults
 * to 10 %, so that the instances of one application never check in step.
 *
 * @param interval time between checks while the target is steadily UP
 * @param fastInterval time between checks while the target is changing state, and
 * before its first verdict
 * @param downInterval time between checks while the target is steadily DOWN
 * @param rise consecutive successes that turn a DOWN target UP, at least 1
 * @param fall consecutive failures that turn an UP target DOWN, at least 1
 * @param jitter the fraction, in 0..0.5, by which each interval varies at random either way
 */
public record CheckSchedule(Duration interval, Duration fastInterval, Duration downInterval, int rise, int fall,
		double jitter) {

	/** The largest jitter: HAProxy's {@code spread-checks} also stops at 50 %. */
	public static final double MAX_JITTER = 0.5;

	/**
	 * The longest interval: a day. Longer is no health check, and a far longer one would
	 * overflow the nanosecond arithmetic that plans checks.
	 */
	public static final Duration MAX_INTERVAL = Duration.ofDays(1);

	private static final CheckSchedule DEFAULTS = new CheckSchedule(Duration.ofSeconds(2), Duration.ofSeconds(2),
			Duration.ofSeconds(2), 2, 3, 0.1);

	public CheckSchedule {
		requirePositive("interval", interval);
		requirePositive("fastInterval", fastInterval);
		requirePositive("downInterval", downInterval);
		if (rise < 1) {
			throw new IllegalArgumentException("rise must be at least 1 but was " + rise);
		}
		if (fall < 1) {
			throw new IllegalArgumentException("fall must be at least 1 but was " + fall);
		}
		if (!(jitter >= 0 && jitter <= MAX_JITTER)) {
			throw new IllegalArgumentException("jitter must be in 0.." + MAX_JITTER + " but was " + jitter);
		}
	}

	/**
	 * HAProxy's defaults with a 10 % jitter: every 2 s, rise 2, fall 3.
	 * @return the default schedule
	 */
	public static CheckSchedule defaults() {
		return DEFAULTS;
	}

	/**
	 * This schedule with another interval; the fast and down intervals follow it when
	 * they were equal to it, as HAProxy's follow {@code inter} when unset.
	 * @param interval the new interval
	 * @return the new schedule
	 */
	public CheckSchedule withInterval(Duration interval) {
		return new CheckSchedule(interval, this.fastInterval.equals(this.interval) ? interval : this.fastInterval,
				this.downInterval.equals(this.interval) ? interval : this.downInterval, this.rise, this.fall,
				this.jitter);
	}

	public CheckSchedule withFastInterval(Duration fastInterval) {
		return new CheckSchedule(this.interval, fastInterval, this.downInterval, this.rise, this.fall, this.jitter);
	}

	public CheckSchedule withDownInterval(Duration downInterval) {
		return new CheckSchedule(this.interval, this.fastInterval, downInterval, this.rise, this.fall, this.jitter);
	}

	public CheckSchedule withRise(int rise) {
		return new CheckSchedule(this.interval, this.fastInterval, this.downInterval, rise, this.fall, this.jitter);
	}

	public CheckSchedule withFall(int fall) {
		return new CheckSchedule(this.interval, this.fastInterval, this.downInterval, this.rise, fall, this.jitter);
	}

	public CheckSchedule withJitter(double jitter) {
		return new CheckSchedule(this.interval, this.fastInterval, this.downInterval, this.rise, this.fall, jitter);
	}

	/**
	 * The shortest of the three intervals: a check's timeout must fit in it, or two
	 * checks of one target would overlap.
	 * @return the shortest interval
	 */
	public Duration shortestInterval() {
		return min(this.interval, min(this.fastInterval, this.downInterval));
	}

	/**
	 * The longest of the three intervals.
	 * @return the longest interval
	 */
	public Duration longestInterval() {
		return max(this.interval, max(this.fastInterval, this.downInterval));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static void requirePositive(String name, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
		if (value.compareTo(MAX_INTERVAL) > 0) {
			throw new IllegalArgumentException(name + " must be at most " + MAX_INTERVAL + " but was " + value);
		}
	}

}
