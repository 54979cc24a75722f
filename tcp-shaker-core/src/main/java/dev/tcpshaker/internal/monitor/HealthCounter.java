package dev.tcpshaker.internal.monitor;

import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.TargetState;

/**
 * HAProxy's health counter for one target: one number from 0 to {@code rise + fall - 1}.
 * A success raises it, and once it reaches {@code rise} the target is UP with the counter
 * at its top; a failure lowers it, and once it would drop below {@code rise} the target
 * is DOWN with the counter at 0. So an UP target goes DOWN after {@code fall} failures in
 * a row and a DOWN one comes UP after {@code rise} successes in a row. The first verdict
 * sets the state directly. Not thread-safe: its monitor guards it.
 */
final class HealthCounter {

	private final int rise;

	private final int top;

	private int health;

	private TargetState state = TargetState.UNKNOWN;

	HealthCounter(int rise, int fall) {
		this.rise = rise;
		this.top = rise + fall - 1;
	}

	/**
	 * Counts one verdict.
	 * @param up whether the check succeeded
	 * @return the state after it
	 */
	TargetState record(boolean up) {
		if (this.state == TargetState.UNKNOWN) {
			this.state = up ? TargetState.UP : TargetState.DOWN;
			this.health = up ? this.top : 0;
		}
		else if (up) {
			if (this.health < this.top) {
				this.health++;
			}
			if (this.health >= this.rise) {
				this.health = this.top;
				this.state = TargetState.UP;
			}
		}
		else if (this.health > this.rise) {
			this.health--;
		}
		else {
			this.health = 0;
			this.state = TargetState.DOWN;
		}
		return this.state;
	}

	TargetState state() {
		return this.state;
	}

	/**
	 * HAProxy's choice of interval: the interval at full health, the down interval at
	 * none, the fast interval in between and before the first verdict.
	 * @param schedule the target's schedule
	 * @return the interval to wait before the next check, in nanoseconds
	 */
	long intervalNanos(CheckSchedule schedule) {
		if (this.state == TargetState.UP && this.health == this.top) {
			return schedule.interval().toNanos();
		}
		if (this.state == TargetState.DOWN && this.health == 0) {
			return schedule.downInterval().toNanos();
		}
		return schedule.fastInterval().toNanos();
	}

}
