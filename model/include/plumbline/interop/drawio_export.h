#pragma once
// A model as an uncompressed draw.io file (mxfile): contexts as swimlanes, stores as cylinders,
// caches, queues and streams in their own shapes, flows as edges (dashed when async), every
// model field as a plumbline.* object attribute (workload numbers as plumbline.readsPerSecond,
// plumbline.volumeGB, ...), so that importing the file gives the same model back. Positions
// are the model's layout, or the deterministic layout of svg_diagram.h when it has none.

#include "plumbline/model.h"

#include <string>

namespace plumb::interop {

std::string writeDrawio(const Model& model);

} // namespace plumb::interop
