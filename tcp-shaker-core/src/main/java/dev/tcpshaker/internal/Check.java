package dev.tcpshaker.internal;

import java.net.InetSocketAddress;

import dev.tcpshaker.CheckOutcome;

/**
 * One check on its way through an engine's loop, due to time out at its deadline.
 * Engines subclass it to hold their socket; every field but the final ones belongs to
 * the loop thread.
 */
public class Check extends LoopTimer {

	final InetSocketAddress address;

	private final Completion completion;

	/** The engine whose heap holds the check; set when the engine makes it. */
	EventLoopEngine<?> engine;

	/** When the SYN left: the lower bound of the moment the socket became ready. */
	long connectNanos;

	private CheckOutcome outcome;

	private String detail;

	private long endNanos;

	protected Check(InetSocketAddress address, long deadlineNanos, Completion completion) {
		this.address = address;
		this.deadlineNanos = deadlineNanos;
		this.completion = completion;
	}

	/**
	 * The resolved address to check.
	 * @return the address
	 */
	public InetSocketAddress address() {
		return this.address;
	}

	/**
	 * Whether the verdict is in. An engine ignores later events of such a check: a
	 * timed-out check keeps its socket open a little after its verdict.
	 * @return {@code true} once the check has its verdict
	 */
	public final boolean hasVerdict() {
		return this.outcome != null;
	}

	/** The timeout: the check had no answer by its deadline. */
	@Override
	protected final void expire(long nowNanos) {
		this.engine.timeOut(this, nowNanos);
	}

	void verdict(CheckOutcome outcome, String detail, long endNanos) {
		this.outcome = outcome;
		this.detail = detail;
		this.endNanos = endNanos;
	}

	void complete() {
		this.completion.complete(this.outcome, this.detail, this.endNanos);
	}

	/**
	 * Receives the verdict of a check, exactly once.
	 */
	@FunctionalInterface
	public interface Completion {

		/**
		 * Called on the loop thread, or on a submitting thread when the check never
		 * reached the loop (it was stopped). Must not block.
		 * @param outcome the outcome
		 * @param detail a human-readable detail
		 * @param endNanos {@link System#nanoTime()} at the verdict
		 */
		void complete(CheckOutcome outcome, String detail, long endNanos);

	}

}
