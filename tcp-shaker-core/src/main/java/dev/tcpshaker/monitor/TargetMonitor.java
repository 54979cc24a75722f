package dev.tcpshaker.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.internal.monitor.DefaultTargetMonitor;

/**
 * Checks named targets on a schedule and keeps each one's state with HAProxy's rise and
 * fall, so that readers get the last verdict at once and never wait on the network.
 * <p>
 * Each target is checked on its own cadence ({@link CheckSchedule}): never two checks of
 * one target in flight, the next one planned from the previous plan rather than from
 * the previous verdict (so the cadence does not drift), each interval varied by the
 * schedule's jitter, and the first checks of all targets spread over their first
 * interval. A target becomes DOWN after {@code fall} consecutive failures and UP after
 * {@code rise} consecutive successes; its first verdict sets its state directly. Every
 * change is logged (WARN for DOWN, INFO for UP) and handed to the
 * {@link StateChangeListener}s.
 * <p>
 * A monitor on a shaker from {@link TcpShaker#builder()} schedules on the shaker's own
 * loop thread, so ten thousand targets cost no thread each; on any other shaker it uses
 * one timer thread of its own. Targets can be added and removed at any time; a removed
 * target is sent nothing more.
 * <p>
 * Pitfall: a new monitor is stopped. Add targets, then {@link #start()} it.
 */
public interface TargetMonitor extends AutoCloseable {

	/**
	 * Creates a stopped monitor that runs its checks on {@code shaker}. The monitor does
	 * not own the shaker: closing one leaves the other open.
	 * @param shaker the shaker to check with
	 * @return the monitor
	 */
	static TargetMonitor create(TcpShaker shaker) {
		if (shaker == null) {
			throw new IllegalArgumentException("shaker must not be null");
		}
		return DefaultTargetMonitor.create(shaker);
	}

	/**
	 * Adds a target. Once the monitor runs, its first check comes within its first interval.
	 * @param target the target
	 * @throws IllegalArgumentException when a target of that name is already monitored
	 */
	void add(MonitoredTarget target);

	/**
	 * Removes a target: no check of it starts any more, and its snapshot is gone.
	 * @param name the target's name
	 * @return whether a target of that name was monitored
	 */
	boolean remove(String name);

	/**
	 * The target's current snapshot.
	 * @param name the target's name
	 * @return the snapshot, or empty when no target has that name
	 */
	Optional<TargetSnapshot> snapshot(String name);

	/**
	 * Every target's current snapshot, in the order the targets were added.
	 * @return the snapshots by name
	 */
	Map<String, TargetSnapshot> snapshots();

	/**
	 * The target's snapshot once it has a verdict: when it has none yet, its first check
	 * starts now (no other target's), and this waits up to the target's timeout (plus a
	 * small grace for the loop) for the verdict. Blocks: never call it on the check loop.
	 * @param name the target's name
	 * @return the snapshot, still {@link TargetState#UNKNOWN} when no verdict came in time
	 * @throws IllegalArgumentException when no target has that name
	 */
	TargetSnapshot awaitFirstVerdict(String name);

	/**
	 * Checks a monitored target now, outside its schedule. The result is returned, not
	 * counted: the target's state and counters follow its schedule alone.
	 * @param name the target's name
	 * @return a future that completes normally within the target's timeout
	 * @throws IllegalArgumentException when no target has that name
	 */
	CompletableFuture<CheckResult> checkNow(String name);

	/**
	 * Adds a listener of state changes.
	 * @param listener the listener
	 */
	void addListener(StateChangeListener listener);

	/**
	 * Adds a listener of every scheduled check's result.
	 * @param listener the listener, which must not block
	 */
	void addCheckListener(CheckListener listener);

	/**
	 * Starts checking every target on its schedule; does nothing when running.
	 */
	void start();

	/**
	 * Stops scheduling checks. The verdicts of checks still in flight are not counted
	 * (they were cut short); snapshots keep the last counted ones. {@link #start()}
	 * resumes, checking at once every target that has a verdict, so that none stays stale.
	 */
	void stop();

	/**
	 * Whether the monitor schedules checks.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	boolean isRunning();

	/**
	 * Stops the monitor for good and ends its event thread. The shaker stays open.
	 */
	@Override
	void close();

}
