package com.example.helloecs.service.release;

import java.util.Objects;

/**
 * Props of {@link AlarmTopic}.
 *
 * @param displayName     the topic's display name (the e-mail sender's name); required
 * @param alarmNamePrefix only alarms whose names start with this may publish (topic policy); required
 * @param email           an address to subscribe (it must confirm). Default: {@code null}, no subscription
 */
public record AlarmTopicProps(String displayName, String alarmNamePrefix, String email) {
    public AlarmTopicProps {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(alarmNamePrefix, "alarmNamePrefix");
    }
}
