package dev.tcpshaker.monitor;

/**
 * What a {@link TargetMonitor} believes about a target, after HAProxy's rise and fall.
 */
public enum TargetState {

	/** No verdict yet: the target's first check has not finished. */
	UNKNOWN,

	/** Something listens: the first check, or {@code rise} consecutive ones, succeeded. */
	UP,

	/** Nothing answers: the first check, or {@code fall} consecutive ones, failed. */
	DOWN

}
