package dev.tcpshaker.it;

/**
 * The two real servers a test class checks, started together and stopped together.
 */
final class PostgresAndRedis implements AutoCloseable {

	final PostgresServer postgres;

	final RedisServer redis;

	PostgresAndRedis() {
		this.postgres = new PostgresServer();
		try {
			this.redis = new RedisServer();
		}
		catch (RuntimeException | Error ex) {
			this.postgres.close();
			throw ex;
		}
	}

	@Override
	public void close() {
		try {
			this.redis.close();
		}
		finally {
			this.postgres.close();
		}
	}

}
