package dev.tcpshaker.internal;

/**
 * A shaker whose loop can stop and start again, as a Spring context's {@code stop()} and
 * {@code start()} ask. Internal, because restarting is not part of the public promise:
 * {@code TcpShaker.builder().build()} returns a running shaker, and {@code close()} is final.
 */
public interface Restartable {

	/** Starts the loop again after {@link #stop()}; does nothing when running or closed. */
	void start();

	/** Stops the loop: checks in flight complete with an error and every socket is closed. */
	void stop();

	/**
	 * Whether the loop runs.
	 * @return {@code true} when checks can run
	 */
	boolean isRunning();

}
