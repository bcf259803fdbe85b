# A single-node Apache Kafka broker in KRaft mode, run from the broker jars on Maven Central.

KAFKA_HOME() { echo "$SUITE_DIST/kafka-$SUITE_KAFKA_VERSION"; }
KAFKA_DIR() { echo "$SUITE_DATA/kafka"; }
KAFKA_PID() { echo "$SUITE_DATA/kafka.pid"; }

kafka_java() {
  KAFKA_JAVA=(java -Xms128m -Xmx"${SUITE_KAFKA_HEAP:-384m}" -XX:+UseG1GC
    -Dlog4j2.configurationFile="$(KAFKA_DIR)/log4j2.properties" -cp "$(KAFKA_HOME)/libs/*")
}

kafka_configure() {
  local dir; dir=$(KAFKA_DIR)
  mkdir -p "$dir/data" "$SUITE_LOGS"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$SUITE_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$SUITE_KAFKA_PORT,CONTROLLER://127.0.0.1:$SUITE_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$SUITE_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  cat >"$dir/log4j2.properties" <<PROPS
appender.file.type=File
appender.file.name=file
appender.file.fileName=$SUITE_LOGS/kafka.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
PROPS
}

kafka_format() {
  [ -f "$(KAFKA_DIR)/data/meta.properties" ] && return 0
  local cluster_id
  cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  log "formatting Kafka storage in $(KAFKA_DIR)/data"
  kafka_java
  # "=" form: a random id may start with "-", which would otherwise read as an option.
  "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format --standalone --cluster-id="$cluster_id" -c "$(KAFKA_DIR)/server.properties" \
    >"$SUITE_LOGS/kafka-format.log" 2>&1 || die "Kafka storage format failed, see $SUITE_LOGS/kafka-format.log"
}

kafka_running() { pid_running "$(KAFKA_PID)"; }

kafka_start() {
  [ -d "$(KAFKA_HOME)/libs" ] || die "Kafka jars missing in $(KAFKA_HOME) (infra fetch failed?)"
  kafka_running && { log "Kafka already running on port $SUITE_KAFKA_PORT"; return 0; }
  port_busy "$SUITE_KAFKA_PORT" && die "port $SUITE_KAFKA_PORT is taken: set SUITE_KAFKA_PORT (or SUITE_TEST_KAFKA_PORT)"
  kafka_configure; kafka_format
  log "starting Kafka $SUITE_KAFKA_VERSION (KRaft) on 127.0.0.1:$SUITE_KAFKA_PORT"
  local started_marker; started_marker=$(wc -l <"$SUITE_LOGS/kafka.log" 2>/dev/null || echo 0)
  # Own session: a Ctrl-C in the terminal reaches ./suite, which then stops the broker in order.
  kafka_java
  setsid "${KAFKA_JAVA[@]}" kafka.Kafka "$(KAFKA_DIR)/server.properties" >"$SUITE_LOGS/kafka.out" 2>&1 </dev/null &
  echo $! >"$(KAFKA_PID)"
  local i
  for ((i = 0; i < 240; i++)); do
    tail -n +"$((started_marker + 1))" "$SUITE_LOGS/kafka.log" 2>/dev/null | grep -q "Kafka Server started" && return 0
    kafka_running || die "Kafka exited, see $SUITE_LOGS/kafka.log and $SUITE_LOGS/kafka.out"
    sleep 0.25
  done
  die "Kafka did not start within 60s, see $SUITE_LOGS/kafka.log"
}

kafka_stop() { stop_by_pid_file "$(KAFKA_PID)" Kafka; }

kafka_bootstrap() { echo "127.0.0.1:$SUITE_KAFKA_PORT"; }
