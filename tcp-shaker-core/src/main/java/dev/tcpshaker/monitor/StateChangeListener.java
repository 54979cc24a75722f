package dev.tcpshaker.monitor;

/**
 * Hears every state change of a {@link TargetMonitor}'s targets.
 * <p>
 * Called in order, one change at a time, on the monitor's own event thread, never on the
 * check loop: a slow listener delays other listeners, not the checks.
 */
@FunctionalInterface
public interface StateChangeListener {

	/**
	 * Called once for each change of a target's state.
	 * @param change the change
	 */
	void stateChanged(StateChange change);

}
