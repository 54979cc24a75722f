package dev.tcpshaker.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.monitor.TargetMonitor;

/**
 * Checks the monitored dependencies on demand, the way a service of yours would: the
 * injected {@link TargetMonitor} knows every target configured under
 * {@code tcpshaker.targets} with its address and timeout, and {@code checkNow} checks one
 * outside its schedule. It only ever checks those targets: checking a host or port taken
 * from a request would turn the app into a port scanner.
 */
@Service
public class DependencyReport {

	private final TargetMonitor monitor;

	DependencyReport(TargetMonitor monitor) {
		this.monitor = monitor;
	}

	/**
	 * Checks all monitored targets now, concurrently: about one timeout in all.
	 * @return each target's result, by name
	 */
	public Map<String, CheckResult> checkAll() {
		Map<String, CompletableFuture<CheckResult>> pending = new LinkedHashMap<>();
		this.monitor.snapshots().keySet().forEach((name) -> pending.put(name, this.monitor.checkNow(name)));
		Map<String, CheckResult> results = new LinkedHashMap<>();
		pending.forEach((name, future) -> results.put(name, future.join()));
		return results;
	}

	/**
	 * Checks one monitored target now.
	 * @param name the target's name under {@code tcpshaker.targets}
	 * @return its result, within the target's timeout
	 * @throws IllegalArgumentException when no target has that name
	 */
	public CheckResult check(String name) {
		return this.monitor.checkNow(name).join();
	}

}
