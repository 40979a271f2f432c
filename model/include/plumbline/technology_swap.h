#pragma once
// "Try it": what the findings would be if one element ran on another technology, compared with
// what they are now. Findings are matched by rule and element, so a finding whose numbers
// change but which still fires counts as kept, not as fixed plus new.

#include "plumbline/checker.h"

#include <string>
#include <vector>

namespace plumb {

struct SwapComparison {
    std::string element;
    std::string from; // the current technology ("" when none)
    std::string to;
    Model swapped;               // the model with the swap made
    std::vector<Finding> before; // every finding now (waived ones included, flagged)
    std::vector<Finding> after;  // every finding with the swap
    std::vector<Finding> fixed;  // in before, not after
    std::vector<Finding> added;  // in after, not before
    std::vector<Finding> kept;   // in both (as they read after the swap)
    std::string problem;         // why the swap cannot be tried; empty when it was
    // Unwaived errors and warnings, the numbers people compare.
    int openBefore() const;
    int openAfter() const;
};

// Checks `model` as it is and with `element`'s technology set to `technology`.
SwapComparison compareTechnologySwap(const Model& model, const KnowledgeBase& knowledge,
                                     const std::string& element, const std::string& technology,
                                     const CheckOptions& options = {});

} // namespace plumb
