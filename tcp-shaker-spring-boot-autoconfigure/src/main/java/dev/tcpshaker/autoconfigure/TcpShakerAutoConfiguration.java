package dev.tcpshaker.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.spring.TcpShakerLifecycle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a {@link TcpShaker} built from
 * {@link TcpShakerProperties}, started and stopped with the context, and for its stealth
 * self-test, which runs in the background once the shaker runs.
 * <p>
 * A {@code TcpShaker} bean of the user's own replaces both beans here: its lifecycle
 * is the user's (Spring still calls its {@code close()} when the context closes).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tcpshaker.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TcpShakerProperties.class)
public final class TcpShakerAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(TcpShaker.class)
	static class TcpShakerConfiguration {

		/**
		 * Builds the shaker, which loads native code and starts its loop here, at
		 * startup, rather than in the first health request.
		 */
		@Bean
		TcpShaker tcpShaker(TcpShakerProperties properties) {
			return TcpShaker.builder()
				.engine(properties.getEngine())
				.method(properties.getMethod())
				.defaultTimeout(properties.getTimeout())
				.maxInFlight(properties.getMaxInFlight())
				.build();
		}

		@Bean
		TcpShakerLifecycle tcpShakerLifecycle(TcpShaker tcpShaker) {
			return new TcpShakerLifecycle(tcpShaker);
		}

	}

	/**
	 * Self-tests whichever shaker the context holds, the user's too. A method of the outer
	 * class, so that its condition sees the shaker of the nested configuration.
	 */
	@Bean
	@ConditionalOnSingleCandidate(TcpShaker.class)
	@ConditionalOnMissingBean
	StealthSelfTestLifecycle tcpShakerStealthSelfTest(TcpShaker tcpShaker) {
		return new StealthSelfTestLifecycle(tcpShaker);
	}

}
