package dev.tcpshaker.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.actuate.TcpShakerEndpoint;
import dev.tcpshaker.monitor.TargetMonitor;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TcpShakerEndpoint}.
 * Like every endpoint but health, it answers over HTTP only once exposed
 * ({@code management.endpoints.web.exposure.include=tcpshaker}).
 */
@AutoConfiguration(after = { TcpShakerAutoConfiguration.class, TargetMonitorAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnSingleCandidate(TargetMonitor.class)
public final class TcpShakerEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(TcpShakerEndpoint.class)
	TcpShakerEndpoint tcpShakerEndpoint(TcpShaker tcpShaker, TargetMonitor tcpShakerMonitor,
			ObjectProvider<StealthSelfTestLifecycle> stealthSelfTest) {
		StealthSelfTestLifecycle selfTest = stealthSelfTest.getIfUnique();
		return new TcpShakerEndpoint(tcpShaker, tcpShakerMonitor,
				(selfTest != null) ? selfTest::result : StealthSelfTest.Result::notRunYet);
	}

}
