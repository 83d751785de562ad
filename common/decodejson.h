#pragma once
// in progress
