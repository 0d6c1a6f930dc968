package ecsvpce.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against this JVM's {@link MotoServer}: the SDK is pointed at it before all
 * tests, and moto is reset before each test. Test methods (and constructors) may take a
 * {@link MotoServer} parameter. Tests of such classes must not run concurrently with each other.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MotoExtension.class)
public @interface MotoTest {
}
