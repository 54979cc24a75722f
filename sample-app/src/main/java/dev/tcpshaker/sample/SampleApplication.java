package dev.tcpshaker.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web app whose dependencies show up on {@code /actuator/health} through the starter.
 * Out of the box its dependencies are demo servers it starts itself on loopback.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
