package dev.tcpshaker.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.metrics.TcpShakerMetrics;
import dev.tcpshaker.monitor.TargetMonitor;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TcpShakerMetrics}
 * meters, bound by Boot's metrics auto-configuration to every {@link MeterRegistry}.
 * Like Boot's own binders, it needs Micrometer on the class path and a registry bean,
 * so it is ordered after the auto-configuration of Boot's composite registry (named,
 * not imported, so that Boot's metrics module stays optional).
 */
@AutoConfiguration(after = TargetMonitorAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(TargetMonitor.class)
public final class TcpShakerMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TcpShakerMetrics tcpShakerMetrics(TcpShaker tcpShaker, TargetMonitor tcpShakerMonitor) {
		return new TcpShakerMetrics(tcpShaker, tcpShakerMonitor);
	}

}
