package dev.tcpshaker.monitor;

/**
 * Hears every state change of a {@link TargetMonitor}'s targets, and targets joining or
 * leaving the monitor (so that per-target meters can follow them).
 * <p>
 * Called in order, one event at a time, on the monitor's own event thread, never on the
 * check loop: a slow listener delays other listeners, not the checks. A listener added
 * late hears nothing about the targets already there: read {@link TargetMonitor#snapshots()}.
 */
@FunctionalInterface
public interface StateChangeListener {

	/**
	 * Called once for each change of a target's state.
	 * @param change the change
	 */
	void stateChanged(StateChange change);

	/**
	 * Called when a target joins the monitor.
	 * @param target the target
	 */
	default void targetAdded(MonitoredTarget target) {
	}

	/**
	 * Called when a target leaves the monitor; no state change of it follows.
	 * @param target the target
	 */
	default void targetRemoved(MonitoredTarget target) {
	}

}
