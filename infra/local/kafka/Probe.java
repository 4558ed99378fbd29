// A real client round trip against the local broker, used by infra/local/check.sh:
// describe the cluster, create a topic with the admin client (consuming an
// auto-created topic on KRaft makes the first poll throw), produce one record, read
// it back in a consumer group (exercises the group coordinator), delete the topic.
//
// Run with Java's single-file launcher and the broker's own jars (no build step):
//   java -cp 'infra/local/.run/kafka/lib/*' infra/local/kafka/Probe.java 127.0.0.1:19092
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class Probe {
  public static void main(String[] args) throws Exception {
    String brokers = args.length > 0 ? args[0] : "127.0.0.1:19092";
    String topic = "leerzone-infra-probe-" + UUID.randomUUID();
    String value = "ping-" + System.nanoTime();

    Properties common = new Properties();
    common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    common.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    common.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);

    try (Admin admin = Admin.create(common)) {
      var cluster = admin.describeCluster();
      String clusterId = cluster.clusterId().get(20, TimeUnit.SECONDS);
      int nodes = cluster.nodes().get(20, TimeUnit.SECONDS).size();
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(20, TimeUnit.SECONDS);

      Properties p = new Properties();
      p.putAll(common);
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      try (var producer = new KafkaProducer<String, String>(p)) {
        producer.send(new ProducerRecord<>(topic, "k", value)).get(20, TimeUnit.SECONDS);
      }

      Properties c = new Properties();
      c.putAll(common);
      c.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-group");
      c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      boolean seen = false;
      long deadline = System.currentTimeMillis() + 30_000;
      try (var consumer = new KafkaConsumer<String, String>(c)) {
        consumer.subscribe(List.of(topic));
        while (!seen && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            seen |= value.equals(r.value());
          }
        }
        consumer.commitSync();
      }
      admin.deleteConsumerGroups(List.of(topic + "-group")).all().get(20, TimeUnit.SECONDS);
      admin.deleteTopics(List.of(topic)).all().get(20, TimeUnit.SECONDS);

      if (!seen) {
        System.err.println("kafka: produced a record to " + topic + " but did not consume it within 30 s");
        System.exit(1);
      }
      System.out.printf("kafka ok: %s cluster=%s nodes=%d (create topic, produce, consume in a group, delete)%n",
          brokers, clusterId, nodes);
    }
  }
}
