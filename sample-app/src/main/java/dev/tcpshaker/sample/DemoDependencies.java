package dev.tcpshaker.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the sample's stand-in dependencies on loopback, so the app needs no external
 * server: a listener that counts the connections it accepts, and a closed port.
 */
@Configuration(proxyBeanMethods = false)
class DemoDependencies {

	@Bean(destroyMethod = "close")
	DemoListener demoListener(@Value("${demo.listener.port}") int port) {
		return new DemoListener(port);
	}

	@Bean(destroyMethod = "close")
	DemoClosedPort demoClosedPort(@Value("${demo.closed.port}") int port) {
		return new DemoClosedPort(port);
	}

}
