package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers are stored as the data binding wrote them before, so stored rows read and compare the same. */
class AnswersJsonTest {
    @Test
    void answersAreWrittenAsTheDataBindingWritesThemAndReadBackInOrder() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("fullName", "Ayesha \"Ali\" آسان خدمت");
        answers.put("address", "House 1\nStreet 2\t<F-7/3> & \\ \u0001 \u2028 😀");
        answers.put("cnic", "6110112345671");
        answers.put("empty", "");
        answers.put("absent", null);
        String written = AnswersJson.write(answers);
        assertEquals(new ObjectMapper().writeValueAsString(answers), written);
        assertEquals(answers, new LinkedHashMap<>(AnswersJson.read(written)));
        assertEquals(String.join(",", answers.keySet()), String.join(",", AnswersJson.read(written).keySet()));
        assertEquals("{}", AnswersJson.write(Map.of()));
        assertEquals("{}", AnswersJson.write(null));
    }
}
