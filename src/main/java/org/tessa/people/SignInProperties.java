package org.tessa.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How password guessing is slowed down ({@link SignInThrottle}).
 *
 * @param failuresPerPersonAndAddress failed sign-ins as one person from one address before that pair must wait (5)
 * @param failuresPerAddress          failed sign-ins from one address, whoever as, before the address must wait (100)
 * @param coolOff                     how long failures are counted, and so how long a throttled sign-in waits (15 minutes)
 */
@ConfigurationProperties("tessa.sign-in")
record SignInProperties(int failuresPerPersonAndAddress, int failuresPerAddress, Duration coolOff) {
}
