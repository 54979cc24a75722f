package dev.tcpshaker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The result of one check: a value, never an exception.
 *
 * @param host the host as given by the caller
 * @param port the port as given by the caller
 * @param address the address that was checked, or {@code null} when the host could not be resolved
 * @param outcome what the check learned
 * @param latency time from the start of the check to its verdict
 * @param detail a human-readable explanation, such as {@code "ECONNREFUSED: Connection refused"}
 */
public record CheckResult(String host, int port, InetSocketAddress address, CheckOutcome outcome, Duration latency,
		String detail) {

	public CheckResult {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(latency, "latency");
		Objects.requireNonNull(detail, "detail");
	}

	/**
	 * Whether the target answered: something listens on the port.
	 * @return {@code true} only for {@link CheckOutcome#UP}
	 */
	public boolean isUp() {
		return this.outcome == CheckOutcome.UP;
	}

	/**
	 * The target as given, in {@code host:port} form ({@code [::1]:5432} for IPv6 literals).
	 * @return the target
	 */
	public String target() {
		return HostAndPort.format(this.host, this.port);
	}

	@Override
	public String toString() {
		return target() + " " + this.outcome + " in " + this.latency.toNanos() / 1000 + " us (" + this.detail + ")";
	}

}
