package dev.tcpshaker.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tcpshaker.CheckResult;

/**
 * {@code GET /dependencies}: a fresh check of every configured target, with its latency
 * in microseconds. Takes no host or port from the request, on purpose.
 */
@RestController
class DependencyController {

	private final DependencyReport report;

	DependencyController(DependencyReport report) {
		this.report = report;
	}

	@GetMapping("/dependencies")
	Map<String, Map<String, Object>> dependencies() {
		Map<String, Map<String, Object>> body = new LinkedHashMap<>();
		this.report.checkAll().forEach((name, result) -> body.put(name, describe(result)));
		return body;
	}

	private static Map<String, Object> describe(CheckResult result) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("target", result.target());
		fields.put("outcome", result.outcome().name());
		fields.put("latencyMicros", result.latency().toNanos() / 1000);
		fields.put("detail", result.detail());
		return fields;
	}

}
