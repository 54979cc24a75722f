package dev.tcpshaker.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain web app with actuator: the baseline whose start-up the starter may slow down. */
@SpringBootApplication
public class StartupApp {

	public static void main(String[] args) {
		SpringApplication.run(StartupApp.class, args);
	}

}
