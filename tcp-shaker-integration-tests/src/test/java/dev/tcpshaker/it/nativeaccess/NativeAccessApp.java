package dev.tcpshaker.it.nativeaccess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that only adds the starter, started by {@link NativeAccessTests} in a JVM
 * of its own, without {@code --enable-native-access}, as most users start theirs.
 */
@SpringBootApplication
public class NativeAccessApp {

	public static void main(String[] args) throws InterruptedException {
		SpringApplication.run(NativeAccessApp.class, args);
		// No web server keeps this JVM alive, and tcp-shaker's threads are daemons: wait to be killed.
		Thread.currentThread().join();
	}

}
