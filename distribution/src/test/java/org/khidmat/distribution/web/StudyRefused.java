package org.khidmat.distribution.web;

import java.util.Hashtable;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Agency code for {@code handled.permit}: a handler whose eligibility rule refuses the purpose "study", registered by
 * an activator (the test bundle has no Declarative Services descriptor). The handler is a nested class, so the test
 * bundle carries both classes.
 */
public final class StudyRefused implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(ServiceHandler.SERVICE_ID, "handled.permit");
        context.registerService(ServiceHandler.class, new Rule(), p);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the handler
    }

    /** The rule: no permit for study. */
    public static final class Rule implements ServiceHandler {
        @Override
        public List<Problem> check(org.khidmat.api.Submission s) {
            return "study".equals(s.answer("purpose"))
                    ? List.of(Problem.of("purpose", "This permit is not given for study", "یہ اجازت نامہ تعلیم کے لیے نہیں دیا جاتا"))
                    : List.of();
        }
    }
}
