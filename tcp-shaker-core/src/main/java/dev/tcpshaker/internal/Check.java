package dev.tcpshaker.internal;

import java.net.InetSocketAddress;

import dev.tcpshaker.CheckOutcome;

/**
 * One check on its way through an engine's loop. Engines subclass it to hold their
 * socket; every field but the final ones belongs to the loop thread.
 */
public class Check {

	final InetSocketAddress address;

	final long deadlineNanos;

	private final Completion completion;

	/** Position in the deadline heap, -1 when not in it. */
	int heapIndex = -1;

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
		 * Called on the loop thread (or on the submitting thread when the check never
		 * reached the loop). Must not block.
		 * @param outcome the outcome
		 * @param detail a human-readable detail
		 * @param endNanos {@link System#nanoTime()} at the verdict
		 */
		void complete(CheckOutcome outcome, String detail, long endNanos);

	}

}
