package dev.tcpshaker.internal;

/**
 * Something due on an engine's loop thread at a {@link System#nanoTime()}: a check's
 * timeout, or a task of the monitor. {@link CheckEngine#schedule} and
 * {@link CheckEngine#cancel} place it in the loop's deadline heap and take it out;
 * both, like {@link #expire}, run on the loop thread only.
 * <p>
 * Pitfall: a timer belongs to one engine at a time, and a stop drops every timer
 * scheduled on it (timers are not checks: there is nothing to complete). After a
 * restart the owner arms them again, from a task given to
 * {@link CheckEngine#execute}.
 */
public abstract class LoopTimer {

	/** When the timer is due. Loop thread only. */
	long deadlineNanos;

	/** Position in the deadline heap, -1 when not scheduled. Loop thread only. */
	int heapIndex = -1;

	/**
	 * Whether the timer waits in its engine's heap. Loop thread only.
	 * @return {@code true} when scheduled and not yet expired or cancelled
	 */
	public final boolean isScheduled() {
		return this.heapIndex >= 0;
	}

	/**
	 * When the timer is, or last was, due. Loop thread only.
	 * @return a {@link System#nanoTime()} value
	 */
	public final long deadlineNanos() {
		return this.deadlineNanos;
	}

	/**
	 * Runs on the loop thread at or after the deadline, once the timer has left the heap.
	 * It may submit checks (they start in this turn, unless more expiries are due) and
	 * schedule this or another timer. It must not block; an exception is logged and the
	 * loop goes on. Re-arm for the future: a timer due again at once expires again in
	 * the same batch, and due expiries hold back new connects.
	 * @param nowNanos the {@link System#nanoTime()} the loop read before expiring
	 */
	protected abstract void expire(long nowNanos);

}
