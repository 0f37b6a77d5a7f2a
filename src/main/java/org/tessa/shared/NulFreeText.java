package org.tessa.shared;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * JSON text with a NUL character is refused as it is read, whatever field it is in: PostgreSQL cannot store
 * one, and no person types one. Spring Boot adds this module to the application's ObjectMapper; the API
 * answers 400 naming the field.
 */
@Component
class NulFreeText extends SimpleModule {

    NulFreeText() {
        super("NulFreeText");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                if (text != null && text.indexOf('\u0000') >= 0) {
                    throw new NulCharacter(parser, text);
                }
                return text;
            }
        });
    }

    /** A text value with a NUL character in it. */
    static final class NulCharacter extends InvalidFormatException {

        NulCharacter(JsonParser parser, String text) {
            super(parser, "Text may not contain a NUL character", text, String.class);
        }
    }
}
