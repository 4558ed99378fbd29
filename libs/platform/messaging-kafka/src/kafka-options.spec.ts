import { kafkaOptionsFromEnv, validateKafkaOptions } from './kafka-options';

describe('Kafka options', () => {
  it('reads brokers and topic settings from the environment', () => {
    expect(kafkaOptionsFromEnv({ KAFKA_BROKERS: '127.0.0.1:19092, 127.0.0.1:19094', KAFKA_TOPIC_PARTITIONS: '12', KAFKA_TOPIC_REPLICATION_FACTOR: '3' }, 'okr')).toEqual({
      brokers: ['127.0.0.1:19092', '127.0.0.1:19094'],
      clientId: 'okr',
      topics: { partitions: 12, replicationFactor: 3 },
      consumer: {},
    });
  });

  it('names the setting at fault', () => {
    expect(() => kafkaOptionsFromEnv({}, 'okr')).toThrow(expect.objectContaining({ field: 'KAFKA_BROKERS' }));
    expect(() => kafkaOptionsFromEnv({ KAFKA_BROKERS: 'b:1', KAFKA_TOPIC_PARTITIONS: 'many' }, 'okr')).toThrow(expect.objectContaining({ field: 'KAFKA_TOPIC_PARTITIONS' }));
    expect(() => validateKafkaOptions({ brokers: ['localhost'], clientId: 'x' })).toThrow(expect.objectContaining({ field: 'brokers' }));
    expect(() => validateKafkaOptions({ brokers: ['b:1'], clientId: 'x', topics: { partitions: 0 } })).toThrow(expect.objectContaining({ field: 'topics.partitions' }));
    expect(() => validateKafkaOptions({ brokers: ['b:1'], clientId: 'x', consumer: { sessionTimeoutMs: 1000, heartbeatIntervalMs: 3000 } })).toThrow(
      expect.objectContaining({ field: 'consumer.heartbeatIntervalMs' }),
    );
  });
});
